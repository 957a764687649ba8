package dev.newsfeed.impl.embargo;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ConcurrentHashMap;

import org.jetbrains.annotations.Nullable;

/**
 * The embargo rule, without Oak: an article is embargoed while it has no publish date (a draft), a publish date that
 * cannot be read, or one after the moment asked about. Parsed dates are remembered (bounded), since the repository
 * asks for every node and property it shows below an embargo entry.
 */
public final class Embargo {

    /** The article's resource type, the value of the restriction. */
    public static final String ARTICLE_TYPE = "newsfeed/article";

    /** Property holding an article's publish instant (JCR Date). */
    public static final String PN_PUBLISHED = "published";

    private static final long UNREADABLE = Long.MAX_VALUE;
    private static final int MEMO_LIMIT = 50_000;
    private static final ConcurrentHashMap<String, Long> PARSED = new ConcurrentHashMap<>();

    private Embargo() {}

    /**
     * Whether an article with this stored publish date is embargoed at {@code nowMillis}.
     *
     * @param published the stored value (ISO 8601 as JCR keeps dates), null for a draft
     */
    public static boolean embargoed(@Nullable String published, long nowMillis) {
        if (published == null || published.isEmpty()) {
            return true;
        }
        return publishedMillis(published) > nowMillis;
    }

    /** The instant of an ISO 8601 date with offset; {@link Long#MAX_VALUE} for a text that is no such date. */
    static long publishedMillis(String published) {
        Long memo = PARSED.get(published);
        if (memo != null) {
            return memo;
        }
        long millis;
        try {
            millis = OffsetDateTime.parse(published).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            millis = UNREADABLE;
        }
        if (PARSED.size() >= MEMO_LIMIT) {
            PARSED.clear();
        }
        PARSED.put(published, millis);
        return millis;
    }
}
