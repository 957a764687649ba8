package dev.newsfeed.impl.http;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.jetbrains.annotations.Nullable;

/**
 * Framing of a request that the servlet container and Sling cannot cope with, found from its headers alone (the body
 * is never read here). Today: a {@code Content-Type} whose {@code charset} the JVM does not know ({@code charset=bogus},
 * {@code charset="}, {@code charset=UTF-7}): Sling's parameter support throws on it while authentication reads the
 * request's parameters, before any Sling filter or servlet runs, which Jetty answered with a 500 and a stack trace.
 */
public final class RequestFraming {

    /** Why a request is refused: the answer's status and problem. */
    public record Rejection(int status, String slug, String title, String detail) {}

    static final Rejection UNSUPPORTED_CHARSET = new Rejection(415, "unsupported-charset", "Unsupported Media Type",
            "The charset of the request's Content-Type is not one this server knows; send UTF-8 "
                    + "(e.g. application/x-www-form-urlencoded; charset=UTF-8) or no charset.");

    private RequestFraming() {}

    /** The reason to refuse this request before anything reads it, or null when its framing is fine. */
    public static @Nullable Rejection check(HttpServletRequest request) {
        Enumeration<String> contentTypes = request.getHeaders("Content-Type");
        for (String value : contentTypes == null ? Collections.<String>emptyList() : Collections.list(contentTypes)) {
            if (!charsetOfContentTypeIsKnown(value)) {
                return UNSUPPORTED_CHARSET;
            }
        }
        String encoding;
        try {
            encoding = request.getCharacterEncoding();
        } catch (RuntimeException e) {
            return UNSUPPORTED_CHARSET;
        }
        return encoding == null || isKnown(encoding) ? null : UNSUPPORTED_CHARSET;
    }

    /** Whether every {@code charset} parameter of a Content-Type value (if any) names a charset the JVM supports. */
    static boolean charsetOfContentTypeIsKnown(@Nullable String contentType) {
        if (contentType == null) {
            return true;
        }
        String[] parts = contentType.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            String name = (eq < 0 ? parameter : parameter.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("charset")) {
                continue;
            }
            String value = eq < 0 ? "" : parameter.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).trim();
            }
            if (!isKnown(value)) {
                return false;
            }
        }
        return true;
    }

    static boolean isKnown(String charset) {
        if (charset.isEmpty() || charset.length() > 64) {
            return false;
        }
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException, or a null/odd name
            return false;
        }
    }
}
