package dev.newsfeed.impl.changes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import dev.newsfeed.impl.paging.Tokens;
import org.jetbrains.annotations.Nullable;

/**
 * The position in a site's change log a client has read up to: the last entry id, opaque and checksummed with the
 * one token codec of the bundle ({@link Tokens}); the tokens are the ones this class gave out before it used it.
 */
public record ChangesToken(String entry) {

    private static final Tokens TOKENS = new Tokens("newsfeed-changes", "1", 1);
    private static final Pattern ENTRY = Pattern.compile("\\d{8}-\\d{9}-[a-z0-9]{8}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmssSSS");

    public String encode() {
        return TOKENS.encode(entry);
    }

    public static @Nullable ChangesToken decode(@Nullable String encoded) {
        if (encoded != null && encoded.length() > 100) {
            return null;
        }
        String[] fields = TOKENS.decode(encoded);
        if (fields == null || !ENTRY.matcher(fields[0]).matches()) {
            return null;
        }
        try {
            LocalDateTime.parse(fields[0].substring(0, 18), TIME); // a real moment
        } catch (DateTimeParseException e) {
            return null;
        }
        return new ChangesToken(fields[0]);
    }

    /** When the entry was logged. */
    public Instant time() {
        return LocalDateTime.parse(entry.substring(0, 18), TIME).toInstant(ZoneOffset.UTC);
    }
}
