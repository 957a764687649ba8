package dev.newsfeed.impl.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/** The position in a site's change log a client has read up to: the last entry id, opaque and checksummed. */
public record ChangesToken(String entry) {

    private static final Pattern ENTRY = Pattern.compile("\\d{8}-\\d{9}-[a-z0-9]{8}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmssSSS");

    public String encode() {
        String text = "1." + entry;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((text + "." + checksum(text)).getBytes(StandardCharsets.US_ASCII));
    }

    public static @Nullable ChangesToken decode(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > 100) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = text.split("\\.", -1);
            if (parts.length != 3 || !"1".equals(parts[0]) || !ENTRY.matcher(parts[1]).matches()
                    || !checksum(parts[0] + "." + parts[1]).equals(parts[2])) {
                return null;
            }
            LocalDateTime.parse(parts[1].substring(0, 18), TIME); // a real moment
            return new ChangesToken(parts[1]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** When the entry was logged. */
    public Instant time() {
        return LocalDateTime.parse(entry.substring(0, 18), TIME).toInstant(ZoneOffset.UTC);
    }

    private static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("newsfeed-changes:" + text).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
