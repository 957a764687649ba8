package dev.newsfeed.impl.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * The position after which a page of articles continues: the (publish time, id) of the last article of the previous
 * page, in the order newest first. Opaque to clients: base64url of a versioned text with a checksum, so a cursor
 * that was cut, edited or made up is refused instead of silently starting somewhere else.
 */
public record Cursor(long publishedMillis, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String VERSION = "1";

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
        String text = VERSION + "." + publishedMillis + "." + id;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((text + "." + checksum(text)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or null when the text is not one of ours. */
    public static @Nullable Cursor decode(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > 200) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                return null;
            }
            String body = parts[0] + "." + parts[1] + "." + parts[2];
            if (!checksum(body).equals(parts[3])) {
                return null;
            }
            return new Cursor(Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("newsfeed-cursor:" + text)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
