package dev.newsfeed.impl.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import dev.newsfeed.impl.dto.Problem;
import org.jetbrains.annotations.Nullable;

/** Writes the API's JSON documents and problems, with validators and conditional answers. */
public final class Responses {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM_TYPE = "urn:dev.newsfeed:problem:";

    private Responses() {}

    /**
     * Sends a cacheable representation: strong ETag from the bytes, Last-Modified, Cache-Control, and 304 when
     * the client's validators still match.
     */
    public static void send(
            HttpServletRequest request,
            HttpServletResponse response,
            String mediaType,
            byte[] body,
            @Nullable Instant lastModified,
            CachePolicy cache)
            throws IOException {
        send(request, response, mediaType, body, ConditionalRequests.strongEtag(mediaType, body), lastModified, cache);
    }

    private static void send(
            HttpServletRequest request,
            HttpServletResponse response,
            String mediaType,
            byte[] body,
            String etag,
            @Nullable Instant lastModified,
            CachePolicy cache)
            throws IOException {
        response.setHeader("ETag", etag);
        if (lastModified != null) {
            response.setHeader("Last-Modified", ConditionalRequests.httpDate(lastModified));
        }
        response.setHeader("Cache-Control", cache.header());
        if (ConditionalRequests.notModified(
                request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), etag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** The request attribute under which {@link #send(HttpServletRequest, HttpServletResponse, PublicDocument)}
     * leaves the document it sent, for the origin's cache of rendered answers. */
    public static final String RENDERED = "dev.newsfeed.rendered";

    /**
     * Sends a public document of the read API: its surrogate keys (when shared caches may keep it), then as
     * {@link #send(HttpServletRequest, HttpServletResponse, String, byte[], Instant, CachePolicy)}; and leaves it in
     * the request ({@link #RENDERED}) for the origin's cache.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, PublicDocument document)
            throws IOException {
        request.setAttribute(RENDERED, document);
        if (document.cache().shared()) {
            SurrogateKeys.name(response, document.keyHeader(), document.surrogateKeys());
        }
        send(request, response, document.mediaType(), document.body(), document.lastModified(), document.cache());
    }

    /**
     * Sends an answer from the origin's cache as it went out when rendered: same bytes, ETag, Last-Modified and
     * keys; Cache-Control shortened to what is left until its content changes by itself, and an {@code Age} when it
     * is valid for a time only (caches count that time from its rendering, not from now).
     */
    public static void send(
            HttpServletRequest request, HttpServletResponse response, AnswerCache.Entry stored, Instant now)
            throws IOException {
        PublicDocument document = stored.document();
        CachePolicy cache = document.cache().at(now);
        if (cache.shared()) {
            SurrogateKeys.name(response, document.keyHeader(), document.surrogateKeys());
        }
        if (document.recheckAt() != null) {
            long age = Duration.between(stored.rendered(), now).toSeconds();
            if (age > 0) {
                response.setHeader("Age", Long.toString(age));
            }
        }
        send(request, response, document.mediaType(), document.body(), stored.etag(), document.lastModified(), cache);
    }

    public static void sendJson(
            HttpServletRequest request,
            HttpServletResponse response,
            Object document,
            @Nullable Instant lastModified,
            CachePolicy cache)
            throws IOException {
        send(request, response, JSON, Json.bytes(document), lastModified, cache);
    }

    /** An uncached JSON answer (writes, per-user documents). */
    public static void sendUncached(HttpServletResponse response, int status, Object document) throws IOException {
        byte[] body = Json.bytes(document);
        response.setStatus(status);
        response.setHeader("Cache-Control", CachePolicy.PRIVATE.header());
        response.setContentType(JSON);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static void problem(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String slug,
            String title,
            String detail)
            throws IOException {
        problem(request, response, status, slug, title, detail, null);
    }

    /** An RFC 9457 problem; never cached, so a fixed problem is never served from a cache. */
    public static void problem(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String slug,
            String title,
            String detail,
            @Nullable List<Problem.FieldError> errors)
            throws IOException {
        Problem problem = new Problem(
                PROBLEM_TYPE + slug,
                title,
                status,
                detail,
                request.getRequestURI(),
                errors == null || errors.isEmpty() ? null : errors);
        byte[] body = Json.bytes(problem);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The problem for a request body that could not be read (too large, wrong media type, malformed). */
    public static void refused(HttpServletRequest request, HttpServletResponse response, RequestFields.Refused refused)
            throws IOException {
        problem(request, response, refused.status(), refused.slug(), refused.title(), refused.getMessage());
    }

    public static void notFound(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        problem(request, response, HttpServletResponse.SC_NOT_FOUND, "not-found", "Not Found", detail);
    }

    public static void badRequest(
            HttpServletRequest request,
            HttpServletResponse response,
            String detail,
            @Nullable List<Problem.FieldError> errors)
            throws IOException {
        problem(
                request,
                response,
                HttpServletResponse.SC_BAD_REQUEST,
                "invalid-request",
                "Bad Request",
                detail,
                errors);
    }

    /** 503 {@code index-building} with {@code Retry-After: 30}: an Oak index the answer needs is not ready yet. */
    public static void indexBuilding(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("Retry-After", "30");
        problem(request, response, 503, "index-building", "Service Unavailable", detail);
    }
}
