package dev.newsfeed.impl.http;

import java.time.Duration;
import java.time.Instant;

import org.jetbrains.annotations.Nullable;

/**
 * The {@code Cache-Control} of one response. Public documents are shared-cacheable for the configured
 * time, but never beyond the next moment their content is known to change (a scheduled article going live).
 */
public record CachePolicy(boolean shared, long maxAgeSeconds) {

    public static final CachePolicy PRIVATE = new CachePolicy(false, 0);

    public static CachePolicy shared(long maxAgeSeconds) {
        return new CachePolicy(true, Math.max(0, maxAgeSeconds));
    }

    /** The same policy, shortened so it expires no later than {@code changeAt}. */
    public CachePolicy until(@Nullable Instant changeAt, Instant now) {
        if (!shared || changeAt == null || !changeAt.isAfter(now)) {
            return this;
        }
        long seconds = Duration.between(now, changeAt).toSeconds();
        return seconds < maxAgeSeconds ? new CachePolicy(true, seconds) : this;
    }

    public String header() {
        return shared ? "public, max-age=" + maxAgeSeconds : "private, no-store";
    }
}
