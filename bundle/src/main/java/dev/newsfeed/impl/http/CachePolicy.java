package dev.newsfeed.impl.http;

import java.time.Duration;
import java.time.Instant;

import org.jetbrains.annotations.Nullable;

/**
 * The {@code Cache-Control} of one response. Public documents may be kept by browsers for {@code maxAge}, by shared
 * caches (CDN, dispatcher) for {@code sMaxAge}, and served stale while revalidating for {@code staleWhileRevalidate};
 * but never beyond the next moment their content is known to change (a scheduled article going live), and then
 * without a stale grace. {@code changesAt} is that moment, when known: the origin's own cache of rendered answers
 * ({@link AnswerCache}) keeps an answer no longer, and shortens the policy again when it serves one later.
 */
public record CachePolicy(
        boolean shared, long maxAge, long sMaxAge, long staleWhileRevalidate, @Nullable Instant changesAt) {

    public static final CachePolicy PRIVATE = new CachePolicy(false, 0, 0, 0, null);

    public static CachePolicy shared(long maxAge) {
        return shared(maxAge, maxAge, 0);
    }

    public static CachePolicy shared(long maxAge, long sMaxAge, long staleWhileRevalidate) {
        return new CachePolicy(
                true, Math.max(0, maxAge), Math.max(0, sMaxAge), Math.max(0, staleWhileRevalidate), null);
    }

    /**
     * The same policy, shortened so that no cache keeps the answer past {@code changeAt}, which it remembers (the
     * earlier of the two when it already had one).
     */
    public CachePolicy until(@Nullable Instant changeAt, Instant now) {
        if (!shared || changeAt == null || !changeAt.isAfter(now)) {
            return this;
        }
        Instant at = changesAt != null && changesAt.isBefore(changeAt) ? changesAt : changeAt;
        long seconds = Duration.between(now, at).toSeconds();
        if (seconds >= maxAge && seconds >= sMaxAge + staleWhileRevalidate) {
            return new CachePolicy(true, maxAge, sMaxAge, staleWhileRevalidate, at);
        }
        return new CachePolicy(true, Math.min(maxAge, seconds), Math.min(sMaxAge, seconds), 0, at);
    }

    /** The policy of an answer rendered earlier and served at {@code now}: shortened to what is left until it changes. */
    public CachePolicy at(Instant now) {
        return changesAt == null ? this : until(changesAt, now);
    }

    public String header() {
        if (!shared) {
            return "private, no-store";
        }
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
