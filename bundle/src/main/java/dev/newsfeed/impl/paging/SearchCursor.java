package dev.newsfeed.impl.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jetbrains.annotations.Nullable;

/**
 * A position in the results of one search: how many results the previous pages showed, and a fingerprint of the
 * site and the query as understood, so that a cursor of another query or site is refused instead of paging it at a
 * random place. Opaque to clients like {@link Cursor}: a {@link Tokens} token. Relevance has no key to continue after,
 * hence an offset; the search bounds it ({@code SearchPages.MAX_RESULTS}).
 */
public record SearchCursor(int offset, String fingerprint) {

    private static final Tokens TOKENS = new Tokens("newsfeed-search-cursor", "s1", 2);
    private static final int MAX_OFFSET = 1_000_000;

    public SearchCursor {
        if (offset < 1 || offset > MAX_OFFSET || fingerprint == null || !fingerprint.matches("[A-Za-z0-9_-]{12}")) {
            throw new IllegalArgumentException("invalid search position");
        }
    }

    /** The cursor after {@code offset} results of this query on this site. */
    public static SearchCursor after(int offset, String sitePath, String query) {
        return new SearchCursor(offset, fingerprint(sitePath, query));
    }

    public String encode() {
        return TOKENS.encode(Integer.toString(offset), fingerprint);
    }

    /** The cursor, or null when the text is not one this API gave out for this query on this site. */
    public static @Nullable SearchCursor decode(@Nullable String encoded, String sitePath, String query) {
        String[] fields = TOKENS.decode(encoded);
        if (fields == null || !fields[1].equals(fingerprint(sitePath, query))) {
            return null;
        }
        try {
            return new SearchCursor(Integer.parseInt(fields[0]), fields[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String fingerprint(String sitePath, String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sitePath + "\n" + query).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
