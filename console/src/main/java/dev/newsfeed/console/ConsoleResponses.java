package dev.newsfeed.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the console answers, with the same headers and bytes as the core bundle's JSON API: static files with a strong
 * ETag (304 when it still matches), pages that no cache keeps, and the API's not-found problem.
 */
final class ConsoleResponses {

    static final String PROBLEM_JSON = "application/problem+json";

    /** The API's JSON output: {@code <}, {@code >} and {@code &} escaped. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    /** An RFC 9457 problem document, as the API writes it. */
    @JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
    record Problem(String type, String title, int status, String detail, String instance) {}

    private ConsoleResponses() {}

    /** A static file: strong ETag from the bytes, Cache-Control, and 304 when the client's If-None-Match matches. */
    static void send(
            HttpServletRequest request,
            HttpServletResponse response,
            String mediaType,
            byte[] body,
            String cacheControl)
            throws IOException {
        String etag = strongEtag(mediaType, body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", cacheControl);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && matchesAny(ifNoneMatch, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        write(response, mediaType, body);
    }

    /** The headers of every console page: this origin's scripts and styles only, never cached. */
    static void pageHeaders(HttpServletResponse response, String contentSecurityPolicy) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "private, no-store");
    }

    static void page(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The API's 404 problem ({@code urn:dev.newsfeed:problem:not-found}), never cached. */
    static void notFound(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        byte[] body = MAPPER.writeValueAsBytes(new Problem(
                "urn:dev.newsfeed:problem:not-found",
                "Not Found",
                HttpServletResponse.SC_NOT_FOUND,
                detail,
                request.getRequestURI()));
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Cache-Control", "no-store");
        write(response, PROBLEM_JSON, body);
    }

    private static void write(HttpServletResponse response, String mediaType, byte[] body) throws IOException {
        response.setContentType(mediaType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The API's strong ETag: SHA-256 of the media type, a zero byte and the body, 27 base64url characters. */
    static String strongEtag(String mediaType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mediaType.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(sha.digest())
                            .substring(0, 27)
                    + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** If-None-Match against our ETag, compared weakly as RFC 9110 asks; {@code *} matches. */
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

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafeEscapes() {
            int[] esc = CharacterEscapes.standardAsciiEscapesForJSON();
            esc['<'] = CharacterEscapes.ESCAPE_STANDARD;
            esc['>'] = CharacterEscapes.ESCAPE_STANDARD;
            esc['&'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes = esc;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
