package dev.newsfeed.impl.http;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

import org.jetbrains.annotations.Nullable;

/**
 * Framing of a request that the servlet container and Sling cannot cope with, found from its request line and headers
 * alone (the body is never read here), each of which Sling answered with a 500 or 501:
 * <ul>
 * <li>a {@code Content-Type} whose {@code charset} the JVM does not know ({@code charset=bogus}, {@code charset="},
 * {@code charset=UTF-7}): Sling's parameter support throws on it while authentication reads the request's
 * parameters, before any Sling filter or servlet runs (415);</li>
 * <li>a method nothing on the instance implements ({@code FOO}, {@code PATCH}: 405), {@code TRACE} (405: it echoes
 * credentials and cookies), and WebDAV methods (and
 * {@code PUT}, {@code DELETE}) outside the configured WebDAV, DavEx and HTTP API paths, where only Sling's WebDAV
 * fallback answers them and fails (405); {@code COPY}/{@code MOVE} without {@code Destination} (400); a write to the
 * WebDAV and DavEx paths without any credentials (401: DavEx answered anonymous batch writes with 500s);</li>
 * <li>a multipart body without a boundary (400: DavEx answered it with 500);</li>
 * <li>an encoded slash, backslash or NUL in the path ({@code %2F}, {@code %5C}, {@code %00}) (400);</li>
 * <li>a malformed percent-escape in the query string ({@code %zz}) and an empty path segment ({@code //}) (400).</li>
 * </ul>
 */
public final class RequestFraming {

    /** Why a request is refused: the answer's status and problem. */
    public record Rejection(int status, String slug, String title, String detail) {}

    static final Rejection UNSUPPORTED_CHARSET = new Rejection(
            415,
            "unsupported-charset",
            "Unsupported Media Type",
            "The charset of the request's Content-Type is not one this server knows; send UTF-8 "
                    + "(e.g. application/x-www-form-urlencoded; charset=UTF-8) or no charset.");

    static final Rejection UNKNOWN_METHOD = new Rejection(
            405, "method-not-allowed", "Method Not Allowed", "No resource of this server answers this method.");
    static final Rejection WEBDAV_METHOD = new Rejection(
            405,
            "method-not-allowed",
            "Method Not Allowed",
            "This method is answered only under the WebDAV, DavEx and HTTP API paths of this server.");
    static final Rejection NO_DESTINATION =
            new Rejection(400, "invalid-request", "Bad Request", "COPY and MOVE need a Destination header.");
    static final Rejection BAD_ESCAPE =
            new Rejection(400, "invalid-request", "Bad Request", "The query string has a malformed percent-escape.");
    static final Rejection EMPTY_SEGMENT =
            new Rejection(400, "invalid-request", "Bad Request", "The path has an empty segment (//).");
    static final Rejection NO_BOUNDARY = new Rejection(
            400, "invalid-request", "Bad Request", "A multipart body needs a boundary parameter in its Content-Type.");
    static final Rejection ENCODED_SEPARATOR =
            new Rejection(400, "invalid-request", "Bad Request", "The path has an encoded slash, backslash or NUL.");
    static final Rejection ANONYMOUS_WEBDAV_WRITE =
            new Rejection(401, "unauthorized", "Unauthorized", "Sign in to write through WebDAV or DavEx.");

    static final Rejection FORM_TOO_LARGE = new Rejection(
            413,
            "too-large",
            "Payload Too Large",
            "This path reads form bodies of at most 200,000 bytes, with a Content-Length.");

    /**
     * Methods every path may receive; Sling and Newsfeed answer them (with 405 where a resource does not). Not TRACE:
     * it echoes the request, credentials and cookies included (cross-site tracing), and nothing needs it.
     */
    private static final Set<String> PLAIN_METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

    /**
     * Methods of WebDAV (RFC 4918, 3253, 3744) and DavEx, and PUT, DELETE and PATCH, which on Sling only WebDAV answers
     * and on AEM its HTTP APIs ({@code /api} Assets, {@code /adobe} OpenAPIs, {@code /graphql} persisted queries):
     * passed on under the configured paths only.
     */
    private static final Set<String> WEBDAV_METHODS = Set.of(
            "PUT",
            "DELETE",
            "PATCH",
            "PROPFIND",
            "PROPPATCH",
            "MKCOL",
            "COPY",
            "MOVE",
            "LOCK",
            "UNLOCK",
            "REPORT",
            "SEARCH",
            "SUBSCRIBE",
            "UNSUBSCRIBE",
            "POLL",
            "ORDERPATCH",
            "VERSION-CONTROL",
            "CHECKIN",
            "CHECKOUT",
            "UNCHECKOUT",
            "LABEL",
            "MERGE",
            "UPDATE",
            "MKWORKSPACE",
            "MKACTIVITY",
            "BASELINE-CONTROL",
            "ACL",
            "BIND",
            "REBIND",
            "UNBIND");

    /** Sling's WebDAV and DavEx: the WebDAV paths where PATCH has no meaning. */
    private static final List<String> DAV_PREFIXES = List.of("/dav", "/server", "/crx");

    /**
     * Servlets outside Sling's request processing (WebDAV, DavEx, the web console): the servlet container parses
     * their form bodies, and Jetty fails with a 500 on one over its limit ({@code maxFormContentSize}, 200,000
     * bytes) or of unknown length. Sling parses its own forms and has no such limit.
     */
    private static final List<String> CONTAINER_FORM_PREFIXES = List.of("/dav", "/server", "/crx", "/system/console");

    static final long CONTAINER_FORM_LIMIT = 200_000;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PROPFIND", "REPORT", "SEARCH");
    private static final Pattern ENCODED = Pattern.compile("%(2[Ff]|5[Cc]|00)");
    private static final Pattern BAD_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private RequestFraming() {}

    /**
     * The reason to refuse this request before anything reads it, or null when its framing is fine.
     *
     * @param webdavPaths path prefixes where WebDAV methods are served ({@code /dav}, {@code /server}); elsewhere
     *     they reach only Sling's WebDAV fallback, which fails on them with 500s
     */
    public static @Nullable Rejection check(HttpServletRequest request, List<String> webdavPaths) {
        String method = request.getMethod() == null ? "" : request.getMethod();
        String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
        boolean webdav = path.equals("/")
                || webdavPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"));
        Rejection refused = checkMethod(request, method, path, webdav);
        if (refused == null) {
            refused = checkCharset(request);
        }
        if (refused == null && isOversizedContainerForm(request, path)) {
            refused = FORM_TOO_LARGE;
        }
        if (refused == null && !hasBoundaryIfMultipart(request.getContentType())) {
            refused = NO_BOUNDARY;
        }
        if (refused == null
                && webdav
                && !SAFE_METHODS.contains(method)
                && isBlank(request.getHeader("Authorization"))
                && isBlank(request.getHeader("Cookie"))) {
            refused = ANONYMOUS_WEBDAV_WRITE;
        }
        return refused != null ? refused : checkTarget(path, request.getQueryString());
    }

    /** Methods other than GET, HEAD, POST and OPTIONS: WebDAV ones under the WebDAV paths only, and well-formed. */
    private static @Nullable Rejection checkMethod(
            HttpServletRequest request, String method, String path, boolean webdav) {
        if (PLAIN_METHODS.contains(method)) {
            return null;
        }
        if (!WEBDAV_METHODS.contains(method)) {
            return UNKNOWN_METHOD;
        }
        if (!webdav) {
            return WEBDAV_METHOD;
        }
        if (method.equals("PATCH")
                && (path.equals("/")
                        || DAV_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")))) {
            return UNKNOWN_METHOD; // WebDAV and DavEx do not implement PATCH (Sling answered 501)
        }
        if ((method.equals("COPY") || method.equals("MOVE")) && isBlank(request.getHeader("Destination"))) {
            return NO_DESTINATION;
        }
        return null;
    }

    /** The request target: no encoded separators or NUL, no empty segment, no broken escape in the query. */
    private static @Nullable Rejection checkTarget(String path, @Nullable String query) {
        if (ENCODED.matcher(path).find()) {
            return ENCODED_SEPARATOR;
        }
        if (path.contains("//")) {
            return EMPTY_SEGMENT;
        }
        if (query != null && BAD_PERCENT.matcher(query).find()) {
            return BAD_ESCAPE;
        }
        return null;
    }

    /** A form body that the servlet container would parse and fail on: over its limit, or chunked. */
    private static boolean isOversizedContainerForm(HttpServletRequest request, String path) {
        String type = request.getContentType();
        if (type == null
                || !type.trim().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || CONTAINER_FORM_PREFIXES.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return false;
        }
        long length = request.getContentLengthLong();
        return length > CONTAINER_FORM_LIMIT || (length < 0 && request.getHeader("Transfer-Encoding") != null);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable Rejection checkCharset(HttpServletRequest request) {
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

    /**
     * Whether every {@code charset} parameter of a Content-Type value (if any) names a charset the JVM supports, and,
     * for a form ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}), one that writes the ASCII
     * of the form's syntax as ASCII ({@code charset=UTF-16} is no form a browser sends; DavEx answered it with 500).
     */
    static boolean charsetOfContentTypeIsKnown(@Nullable String contentType) {
        if (contentType == null) {
            return true;
        }
        String[] parts = contentType.split(";", -1);
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean form = media.equals("application/x-www-form-urlencoded") || media.equals("multipart/form-data");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            String name =
                    (eq < 0 ? parameter : parameter.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("charset")) {
                continue;
            }
            String value = eq < 0 ? "" : parameter.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).trim();
            }
            if (!isKnown(value) || (form && !asciiCompatible(value))) {
                return false;
            }
        }
        return true;
    }

    private static final String FORM_SYNTAX = "az09=&%+;:-_.\r\n\"";

    /** Whether the charset writes the characters of form syntax as their ASCII bytes (UTF-8, ISO-8859-x, ...). */
    static boolean asciiCompatible(String charset) {
        Charset cs = Charset.forName(charset);
        return cs.canEncode()
                && java.util.Arrays.equals(
                        FORM_SYNTAX.getBytes(cs), FORM_SYNTAX.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Whether a multipart Content-Type names a non-empty boundary (other types need none). */
    static boolean hasBoundaryIfMultipart(@Nullable String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0
                    && p.substring(0, eq).trim().equalsIgnoreCase("boundary")
                    && !p.substring(eq + 1).replace("\"", "").isBlank()) {
                return true;
            }
        }
        return false;
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
