package dev.newsfeed.impl.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * A position in the authors' list of a site: drafts first (last modified, newest first), then dated articles (publish
 * time, newest first); same time: greater id first. Opaque to clients like {@link Cursor}: base64url of a versioned
 * text with a checksum.
 *
 * @param draft whether the position is among the drafts
 * @param millis the draft's last modification or the article's publish time
 */
public record AuthorCursor(boolean draft, long millis, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String VERSION = "a1";

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
        String text = VERSION + "." + (draft ? "d" : "t") + "." + millis + "." + id;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((text + "." + checksum(text)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or null when the text is not one of ours. */
    public static @Nullable AuthorCursor decode(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > 200) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = text.split("\\.", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !(parts[1].equals("d") || parts[1].equals("t"))) {
                return null;
            }
            String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
            if (!checksum(body).equals(parts[4])) {
                return null;
            }
            return new AuthorCursor(parts[1].equals("d"), Long.parseLong(parts[2]), parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("newsfeed-author-cursor:" + text)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
