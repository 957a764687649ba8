package dev.newsfeed.impl.paging;

import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * A position in the authors' list of a site: drafts first (last modified, newest first), then dated articles (publish
 * time, newest first); same time: greater id first. Opaque to clients like {@link Cursor}: a {@link Tokens} token.
 *
 * @param draft whether the position is among the drafts
 * @param millis the draft's last modification or the article's publish time
 */
public record AuthorCursor(boolean draft, long millis, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Tokens TOKENS = new Tokens("newsfeed-author-cursor", "a1", 3);

    public AuthorCursor {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid id");
        }
    }

    /** Whether an item of the same section at (millis, id) comes after this position. */
    public boolean isBefore(long otherMillis, String otherId) {
        return otherMillis < millis || (otherMillis == millis && otherId.compareTo(id) < 0);
    }

    public String encode() {
        return TOKENS.encode(draft ? "d" : "t", Long.toString(millis), id);
    }

    /** The cursor, or null when the text is not one of ours. */
    public static @Nullable AuthorCursor decode(@Nullable String encoded) {
        String[] fields = TOKENS.decode(encoded);
        if (fields == null || !(fields[0].equals("d") || fields[0].equals("t"))) {
            return null;
        }
        try {
            return new AuthorCursor(fields[0].equals("d"), Long.parseLong(fields[1]), fields[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
