package dev.newsfeed.impl.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jetbrains.annotations.Nullable;

/**
 * Which web origins may use which of Newsfeed's endpoints from a browser (CORS), and the headers that say so. Three
 * kinds of access: public reads (any origin by default, answered with {@code *}, cacheable without {@code Vary}),
 * comments (posting one and reading its form: listed origins, echoed with {@code Vary: Origin}) and credentialed
 * requests (authoring, moderation, the console's API: listed origins only, never {@code *}).
 */
public final class CorsPolicy {

    /** What an endpoint and method need from an origin. */
    public enum Access {
        /** Public anonymous GET and HEAD. */
        READ,
        /** Posting a comment and reading the comment form. */
        COMMENT,
        /** Authoring, moderation, the console's API: with cookies or Authorization. */
        CREDENTIALED
    }

    public record Header(String name, String value) {}

    /** A preflight's answer: allowed with its headers, or refused with a reason. */
    public record Preflight(boolean allowed, List<Header> headers, String reason) {}

    public static final String ANY = "*";
    public static final String EXPOSED = "ETag, Last-Modified, Location, Link";
    static final List<String> PLAIN_HEADERS = List.of("Content-Type", "If-None-Match", "If-Modified-Since");
    static final List<String> CREDENTIAL_HEADERS = List.of("Authorization", CsrfTokens.HEADER);

    private final Set<String> read;
    private final Set<String> write;
    private final Set<String> credentials;
    private final int maxAge;
    private final List<String> ignored;

    private CorsPolicy(Set<String> read, Set<String> write, Set<String> credentials, int maxAge, List<String> ignored) {
        this.read = read;
        this.write = write;
        this.credentials = credentials;
        this.maxAge = maxAge;
        this.ignored = ignored;
    }

    /**
     * The policy of these lists; entries that are no origin ({@code scheme://host[:port]}), and {@code *} among the
     * credentials origins, are left out and named by {@link #ignored()}.
     */
    public static CorsPolicy of(
            @Nullable String[] read, @Nullable String[] write, @Nullable String[] credentials, int maxAge) {
        List<String> ignored = new ArrayList<>();
        return new CorsPolicy(
                origins(read, true, ignored),
                origins(write, true, ignored),
                origins(credentials, false, ignored),
                Math.max(0, maxAge),
                List.copyOf(ignored));
    }

    /** The defaults: public reads from any origin, nothing else. */
    public static CorsPolicy defaults() {
        return of(new String[] {ANY}, new String[0], new String[0], 600);
    }

    private static Set<String> origins(@Nullable String[] values, boolean anyAllowed, List<String> ignored) {
        Set<String> origins = new LinkedHashSet<>();
        for (String value : values == null ? new String[0] : values) {
            String v = value == null ? "" : value.trim();
            if (v.isEmpty()) {
                continue;
            }
            String origin = ANY.equals(v) && anyAllowed ? ANY : origin(v);
            if (origin == null) {
                ignored.add(v);
            } else {
                origins.add(origin);
            }
        }
        return Set.copyOf(origins);
    }

    /**
     * An origin as browsers send it ({@code https://news.example}, {@code http://127.0.0.1:8080}): scheme and host in
     * lower case, no default port, no path; null for anything else ({@code null}, a path, user info, a query).
     */
    public static @Nullable String origin(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 300) {
            return null;
        }
        String v = value.trim();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /**
     * Whether the Origin names this server itself: the public base URL's origin, or the host and port the request was
     * sent to (the Host header; either scheme, since a TLS proxy may sit in front).
     */
    public static boolean sameOrigin(String origin, @Nullable String host, String baseUrl) {
        String o = origin(origin);
        if (o == null) {
            return false;
        }
        if (o.equals(origin(baseUrl))) {
            return true;
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        String authority = o.substring(o.indexOf("://") + 3);
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.endsWith(":80") || h.endsWith(":443")) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        return h.equals(authority);
    }

    /** Whether an origin (as the browser sent it) may use an access of this kind. */
    public boolean allows(@Nullable String origin, @Nullable Access access) {
        String o = origin(origin);
        if (o == null || access == null) {
            return false;
        }
        if (credentials.contains(o)) {
            return true;
        }
        return switch (access) {
            case READ -> read.contains(ANY) || read.contains(o) || write.contains(ANY) || write.contains(o);
            case COMMENT -> write.contains(ANY) || write.contains(o);
            case CREDENTIALED -> false;
        };
    }

    /**
     * The CORS headers of an actual answer. {@code origin} is null when the request had none or came from this server
     * itself. Public reads get {@code *} whoever asks while any origin may read (so a cached answer serves every
     * origin); an allowed origin is echoed with {@code Vary: Origin}; a credentials origin gets
     * {@code Access-Control-Allow-Credentials: true}; anyone else only {@code Vary: Origin}.
     */
    public List<Header> actual(@Nullable String origin, @Nullable Access access) {
        String o = origin(origin);
        List<Header> headers = new ArrayList<>();
        if (o != null && credentials.contains(o)) {
            headers.add(new Header("Access-Control-Allow-Origin", o));
            headers.add(new Header("Access-Control-Allow-Credentials", "true"));
        } else if (access == Access.READ && read.contains(ANY)) {
            headers.add(new Header("Access-Control-Allow-Origin", ANY));
            headers.add(new Header("Access-Control-Expose-Headers", EXPOSED));
            return headers;
        } else if (o != null && allows(o, access)) {
            headers.add(new Header("Access-Control-Allow-Origin", o));
        } else {
            headers.add(new Header("Vary", "Origin"));
            return headers;
        }
        headers.add(new Header("Access-Control-Expose-Headers", EXPOSED));
        headers.add(new Header("Vary", "Origin"));
        return headers;
    }

    /**
     * The answer to a preflight for {@code method} with the requested headers, at an endpoint that serves the given
     * methods with the given access.
     */
    public Preflight preflight(
            @Nullable String origin,
            @Nullable String method,
            @Nullable String requestHeaders,
            Map<String, Access> endpoint) {
        String o = origin(origin);
        if (o == null) {
            return refused("The Origin header names no http or https origin.");
        }
        Access access = method == null ? null : endpoint.get(method);
        if (access == null) {
            return refused("This address does not answer " + method + " to other origins.");
        }
        if (!allows(o, access)) {
            return refused(o + " may not send " + method + " here (see cors." + listOf(access) + ".origins).");
        }
        List<String> allowedHeaders = new ArrayList<>(PLAIN_HEADERS);
        if (credentials.contains(o)) {
            allowedHeaders.addAll(CREDENTIAL_HEADERS);
        }
        for (String asked : requestHeaders == null ? new String[0] : requestHeaders.split(",")) {
            String name = asked.trim();
            if (!name.isEmpty() && allowedHeaders.stream().noneMatch(name::equalsIgnoreCase)) {
                return refused("The header " + name + " is not allowed from " + o + ".");
            }
        }
        List<String> methods = endpoint.entrySet().stream()
                .filter(e -> allows(o, e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Access-Control-Allow-Origin", o));
        if (credentials.contains(o)) {
            headers.add(new Header("Access-Control-Allow-Credentials", "true"));
        }
        headers.add(new Header("Access-Control-Allow-Methods", String.join(", ", methods)));
        headers.add(new Header("Access-Control-Allow-Headers", String.join(", ", allowedHeaders)));
        headers.add(new Header("Access-Control-Max-Age", String.valueOf(maxAge)));
        headers.add(new Header("Vary", "Origin"));
        return new Preflight(true, headers, "");
    }

    private static Preflight refused(String reason) {
        return new Preflight(false, List.of(new Header("Vary", "Origin")), reason);
    }

    private static String listOf(Access access) {
        return switch (access) {
            case READ -> "read";
            case COMMENT -> "write";
            case CREDENTIALED -> "credentials";
        };
    }

    /** Configured entries that were left out: not an origin, or {@code *} as a credentials origin. */
    public List<String> ignored() {
        return ignored;
    }

    @Override
    public String toString() {
        return "read " + read + ", write " + write + ", credentials " + credentials + ", max-age " + maxAge;
    }
}
