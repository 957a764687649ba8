package dev.newsfeed.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The {@code Cache-Control} of the console's script and style: the public cache lifetimes of the JSON API, read from
 * the core bundle's API settings ({@value #API_SETTINGS_PID}; their form is the core's) the way the core reads them (a
 * negative shared max-age means the browsers' max-age).
 */
@Component(service = PublicCache.class, configurationPid = PublicCache.API_SETTINGS_PID)
public final class PublicCache {

    /** The core bundle's API settings (public base URL, cache lifetimes). */
    static final String API_SETTINGS_PID = "dev.newsfeed.impl.http.NewsfeedSettings";

    /** The cache properties of the API settings, with their defaults. */
    @interface Config {
        long cache_max_age() default 60;

        long cache_s_maxage() default 600;

        long cache_stale_while_revalidate() default 30;
    }

    private volatile String header = header(60, 600, 30);

    @Activate
    @Modified
    void activate(Config config) {
        long maxAge = Math.max(0, config.cache_max_age());
        long sMaxAge = config.cache_s_maxage() < 0 ? maxAge : config.cache_s_maxage();
        header = header(maxAge, Math.max(0, sMaxAge), Math.max(0, config.cache_stale_while_revalidate()));
    }

    String header() {
        return header;
    }

    static String header(long maxAge, long sMaxAge, long staleWhileRevalidate) {
        StringBuilder h = new StringBuilder("public, max-age=").append(maxAge);
        if (sMaxAge != maxAge) {
            h.append(", s-maxage=").append(sMaxAge);
        }
        if (staleWhileRevalidate > 0) {
            h.append(", stale-while-revalidate=").append(staleWhileRevalidate);
        }
        return h.toString();
    }
}
