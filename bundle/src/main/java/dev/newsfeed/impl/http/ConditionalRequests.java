package dev.newsfeed.impl.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.jetbrains.annotations.Nullable;

/** Strong ETags and the conditional-request rules of RFC 9110 section 13 for GET and HEAD. */
public final class ConditionalRequests {

    private ConditionalRequests() {}

    /** A strong ETag computed from the exact bytes of a representation (and its media type). */
    public static String strongEtag(String mediaType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mediaType.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            byte[] digest = sha.digest();
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27)
                    + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code Last-Modified} value: IMF-fixdate, whole seconds. */
    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** The Last-Modified of a representation built from several sources: the latest of their instants (nulls ignored). */
    public static @Nullable Instant latest(@Nullable Instant... instants) {
        Instant latest = null;
        for (Instant i : instants) {
            if (i != null && (latest == null || i.isAfter(latest))) {
                latest = i;
            }
        }
        return latest;
    }

    /** The earlier of two instants (nulls ignored): when the first of several scheduled changes is due. */
    public static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    static @Nullable Instant parseHttpDate(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
        } catch (DateTimeParseException e) {
            return null; // RFC 9110: an invalid date is ignored
        }
    }

    /**
     * Whether a GET may answer 304. If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); ETags are
     * compared weakly, as the RFC asks for If-None-Match.
     */
    public static boolean notModified(
            @Nullable String ifNoneMatch,
            @Nullable String ifModifiedSince,
            String etag,
            @Nullable Instant lastModified) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag);
        }
        Instant since = parseHttpDate(ifModifiedSince);
        return since != null
                && lastModified != null
                && !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    }

    static boolean matchesAny(String header, String etag) {
        String trimmed = header.trim();
        if (trimmed.equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        for (String candidate : trimmed.split(",")) {
            if (opaque(candidate.trim()).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
