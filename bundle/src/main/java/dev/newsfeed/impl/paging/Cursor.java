package dev.newsfeed.impl.paging;

import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * The position after which a page of articles continues: the (publish time, id) of the last article of the previous
 * page, in the order newest first. Opaque to clients: a {@link Tokens} token (base64url of a versioned text with a checksum), so a cursor
 * that was cut, edited or made up is refused instead of silently starting somewhere else.
 */
public record Cursor(long publishedMillis, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Tokens TOKENS = new Tokens("newsfeed-cursor", "1", 2);

    public Cursor {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid id");
        }
    }

    /** Whether an article at (publishedMillis, id) comes after this cursor in the order newest first. */
    public boolean isBefore(long otherMillis, String otherId) {
        return otherMillis < publishedMillis || (otherMillis == publishedMillis && otherId.compareTo(id) < 0);
    }

    public String encode() {
        return TOKENS.encode(Long.toString(publishedMillis), id);
    }

    /** The cursor, or null when the text is not one of ours. */
    public static @Nullable Cursor decode(@Nullable String encoded) {
        String[] fields = TOKENS.decode(encoded);
        if (fields == null) {
            return null;
        }
        try {
            return new Cursor(Long.parseLong(fields[0]), fields[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
