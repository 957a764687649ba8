package dev.newsfeed.impl.comments;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.jetbrains.annotations.Nullable;

/**
 * Comment ids: the UTC day and time of submission, then random letters, e.g. {@code 20220110-104000123-k3j9x2qa}.
 * They sort by time, are safe as node names, and say which day bucket a comment is stored in.
 */
public final class CommentIds {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final Pattern ID = Pattern.compile("(\\d{8})-\\d{9}-[a-z0-9]{8}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CommentIds() {}

    public static String next(Instant now) {
        char[] suffix = new char[8];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return FORMAT.format(now) + "-" + new String(suffix);
    }

    /** The UTC day of a comment id, or null when it is not one. */
    public static @Nullable LocalDate day(@Nullable String id) {
        if (id == null) {
            return null;
        }
        var m = ID.matcher(id);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
