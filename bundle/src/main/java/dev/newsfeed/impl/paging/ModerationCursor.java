package dev.newsfeed.impl.paging;

import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * A position in a moderation queue: the status listed and the id of the last comment shown (comment ids sort by
 * time). Opaque to clients like {@link Cursor}: a {@link Tokens} token, so a cut, edited or made-up cursor, or one
 * given out for another status, is refused.
 *
 * @param status the status key of the queue ({@code pending}, {@code approved}, {@code spam}, {@code trash})
 * @param id the id of the last comment of the previous page
 */
public record ModerationCursor(String status, String id) {

    /** The shape of a comment id: UTC day, time, random letters ({@code 20220110-104000123-k3j9x2qa}). */
    private static final Pattern ID = Pattern.compile("\\d{8}-\\d{9}-[a-z0-9]{8}");

    private static final Pattern STATUS = Pattern.compile("[a-z]{1,16}");
    private static final Tokens TOKENS = new Tokens("newsfeed-moderation-cursor", "m1", 2);

    public ModerationCursor {
        if (status == null
                || !STATUS.matcher(status).matches()
                || id == null
                || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid moderation position");
        }
    }

    public String encode() {
        return TOKENS.encode(status, id);
    }

    /** The cursor, or null when the text is not one this API gave out for the queue of {@code status}. */
    public static @Nullable ModerationCursor decode(@Nullable String encoded, String status) {
        String[] fields = TOKENS.decode(encoded);
        if (fields == null || !fields[0].equals(status)) {
            return null;
        }
        try {
            return new ModerationCursor(fields[0], fields[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
