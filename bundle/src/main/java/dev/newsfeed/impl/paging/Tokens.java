package dev.newsfeed.impl.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * The one codec of the API's opaque tokens (list cursors): base64url (no padding) of
 * {@code version.field1.field2….checksum}, where the checksum is the first 8 base64url characters of the SHA-256 of
 * a per-kind purpose and the text before it. A token that was cut, edited, made up or given out for another kind
 * does not decode. The checksum needs no secret, so tokens stay valid across restarts and cluster nodes; it is a
 * guard against accidents and tampering with the format, not a proof of who made the token.
 */
public final class Tokens {

    /** Longest token accepted; longer input is refused before it is decoded. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_:-]{1,64}");
    private static final int CHECKSUM_LENGTH = 8;

    private final String purpose;
    private final String version;
    private final int fields;

    /**
     * @param purpose salts the checksum, so a token of one kind is never accepted as another (e.g. {@code newsfeed-cursor})
     * @param version the first field of every token of this kind; a new layout takes a new version
     * @param fields how many fields follow the version
     */
    public Tokens(String purpose, String version, int fields) {
        if (!FIELD.matcher(version).matches() || fields < 1) {
            throw new IllegalArgumentException("invalid token layout");
        }
        this.purpose = purpose;
        this.version = version;
        this.fields = fields;
    }

    /** The token of these fields (letters, digits, {@code _ : -}; 1 to 64 characters each). */
    public String encode(String... values) {
        if (values.length != fields) {
            throw new IllegalArgumentException("expected " + fields + " fields");
        }
        for (String value : values) {
            if (value == null || !FIELD.matcher(value).matches()) {
                throw new IllegalArgumentException("invalid token field");
            }
        }
        String text = version + "." + String.join(".", values);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((text + "." + checksum(text)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The fields of a token of this kind, or null when the text is not one (garbage, cut, edited, other kind). */
    public @Nullable String[] decode(@Nullable String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String[] parts = text.split("\\.", -1);
        if (parts.length != fields + 2 || !version.equals(parts[0])) {
            return null;
        }
        int bodyEnd = text.length() - parts[parts.length - 1].length() - 1;
        if (!checksum(text.substring(0, bodyEnd)).equals(parts[parts.length - 1])) {
            return null;
        }
        String[] values = Arrays.copyOfRange(parts, 1, parts.length - 1);
        for (String value : values) {
            if (!FIELD.matcher(value).matches()) {
                return null;
            }
        }
        return values;
    }

    private String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + ":" + text).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, CHECKSUM_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
