package dev.newsfeed.impl.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosts a request may name to have absolute URLs formed with it, while no public base URL is configured. A
 * request's host comes from its {@code Host} header or an absolute request target (and, where the server is set to
 * believe them, {@code X-Forwarded-Host} or {@code Forwarded}): all chosen by the client. A shared cache keeps
 * whatever answer it got, so an untrusted host is never echoed: the URL then names {@code localhost} on the port the
 * connection came in on, which the client cannot choose either.
 */
public final class TrustedHosts {

    private final Set<String> hosts;

    private TrustedHosts(Set<String> hosts) {
        this.hosts = hosts;
    }

    /** Entries are host names ({@code localhost}) or host:port ({@code news.example:443}), case-insensitive. */
    public static TrustedHosts of(String[] entries) {
        return new TrustedHosts(
                entries == null
                        ? Set.of()
                        : Arrays.stream(entries)
                                .filter(e -> e != null && !e.isBlank())
                                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The base URL for a request.
     *
     * @param secure whether the connection is TLS (decided by the server's connector)
     * @param host the host the request names
     * @param port the port the request names
     * @param localPort the port the connection came in on
     */
    public String baseUrl(boolean secure, String host, int port, int localPort) {
        String scheme = secure ? "https" : "http";
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        boolean trusted =
                !name.isEmpty() && (hosts.contains(name + ":" + port) || (port == localPort && hosts.contains(name)));
        if (trusted) {
            return scheme + "://" + name + portSuffix(scheme, port);
        }
        return scheme + "://localhost" + portSuffix(scheme, localPort);
    }

    private static String portSuffix(String scheme, int port) {
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return defaultPort || port <= 0 ? "" : ":" + port;
    }

    @Override
    public String toString() {
        return hosts.toString();
    }
}
