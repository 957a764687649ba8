package dev.newsfeed.impl.http;

import java.util.Collection;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Instance-wide settings of the public API: the public base URL and HTTP cache lifetimes. */
@Component(service = PublicApiSettings.class, immediate = true, configurationPid = PublicApiSettings.PID)
@Designate(ocd = PublicApiSettings.Config.class)
public final class PublicApiSettings {

    /** The configuration PID, kept from when this class was named NewsfeedSettings: installed configs use it. */
    public static final String PID = "dev.newsfeed.impl.http.NewsfeedSettings";

    private static final Logger log = LoggerFactory.getLogger(PublicApiSettings.class);

    @ObjectClassDefinition(
            name = "Newsfeed API settings",
            description = "Public base URL and HTTP caching of the Newsfeed JSON API.")
    public @interface Config {
        @AttributeDefinition(
                name = "Public base URL",
                description = "Scheme, host and port under which readers reach this API, e.g. https://news.example."
                        + " Used for every absolute URL in documents (url, attributionUrl, href links). Empty: the"
                        + " request's host when it is one of the trusted hosts, else http://localhost and the port the"
                        + " request came in on; a client never chooses the host of a cacheable answer.")
        String public_base_url() default "";

        @AttributeDefinition(
                name = "Trusted hosts",
                description = "Used only while the public base URL is empty: host names (or host:port) a request may"
                        + " name in its Host header (or absolute request target) to have absolute URLs formed with it."
                        + " A name without a port is trusted on the port the request came in on only. Any other host"
                        + " (a forged Host, X-Forwarded-Host or Forwarded header, an absolute request target) is"
                        + " ignored: URLs then use http://localhost:<that port>.")
        String[] trusted_hosts() default {"localhost", "127.0.0.1", "[::1]"};

        @AttributeDefinition(
                name = "Cache max-age",
                description = "Seconds a browser may reuse a public document (Cache-Control max-age).")
        long cache_max_age() default 60;

        @AttributeDefinition(
                name = "Shared cache max-age",
                description = "Seconds a CDN or dispatcher may keep a public document (Cache-Control s-maxage); with"
                        + " purge events wired to the CDN this can be long. -1: same as max-age.")
        long cache_s_maxage() default 600;

        @AttributeDefinition(
                name = "Stale while revalidate",
                description = "Seconds a cache may serve an expired document while it fetches a fresh one; 0: none."
                        + " Never used for a document that changes at a known moment.")
        long cache_stale_while_revalidate() default 30;

        @AttributeDefinition(
                name = "Surrogate key header",
                description = "Header naming what a public answer depends on, for purging: Surrogate-Key (Fastly),"
                        + " xkey (Varnish), Cache-Tag (Cloudflare). Empty: none.")
        String surrogate_key_header() default "Surrogate-Key";
    }

    private volatile String publicBaseUrl = "";
    private volatile TrustedHosts trustedHosts = TrustedHosts.of(new String[] {"localhost", "127.0.0.1", "[::1]"});
    private volatile CachePolicy publicCache = CachePolicy.shared(60, 600, 30);
    private volatile String keyHeader = "Surrogate-Key";

    @Activate
    @Modified
    void activate(Config config) {
        publicBaseUrl = trimSlash(config.public_base_url());
        trustedHosts = TrustedHosts.of(config.trusted_hosts());
        long maxAge = Math.max(0, config.cache_max_age());
        publicCache = CachePolicy.shared(
                maxAge,
                config.cache_s_maxage() < 0 ? maxAge : config.cache_s_maxage(),
                config.cache_stale_while_revalidate());
        keyHeader = config.surrogate_key_header() == null
                ? ""
                : config.surrogate_key_header().trim();
        if (publicBaseUrl.isEmpty()) {
            log.warn(
                    "public.base.url is not set: absolute URLs use the request's host only when it is one of {},"
                            + " else http://localhost. Set it before putting a CDN in front of Sling.",
                    trustedHosts);
        } else {
            log.info("Newsfeed public base URL {}, {}", publicBaseUrl, publicCache.header());
        }
    }

    /**
     * Base of absolute URLs, without a trailing slash: the configured public base URL, else one formed from the
     * connection (see {@link TrustedHosts}), never from a host the client chose.
     */
    public String baseUrl(HttpServletRequest request) {
        String configured = publicBaseUrl;
        if (!configured.isEmpty()) {
            return configured;
        }
        // not request.isSecure(): Jetty takes it from an absolute request target (GET https://...) too
        boolean tls = request.getAttribute("javax.servlet.request.cipher_suite") != null;
        return trustedHosts.baseUrl(tls, request.getServerName(), request.getServerPort(), request.getLocalPort());
    }

    /**
     * The configured public base URL without a trailing slash, or empty: for documents built without a request (a
     * Sling Model adapted from a resource), whose URLs are then paths.
     */
    public String configuredBaseUrl() {
        return publicBaseUrl;
    }

    public CachePolicy publicCache() {
        return publicCache;
    }

    /** Names what a public answer depends on, in the configured surrogate key header. */
    public void surrogateKeys(HttpServletResponse response, Collection<String> keys) {
        SurrogateKeys.name(response, keyHeader, keys);
    }

    /** The header that names surrogate keys (Surrogate-Key, xkey, Cache-Tag); empty: none. */
    public String surrogateKeyHeader() {
        return keyHeader;
    }

    private static String trimSlash(String url) {
        String s = url == null ? "" : url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
