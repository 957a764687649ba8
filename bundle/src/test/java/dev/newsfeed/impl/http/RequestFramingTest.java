package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;

class RequestFramingTest {

    private static final List<String> DAV = List.of("/dav", "/server", "/api");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FOO",
                "PATCH /content/x.json",
                "MOVE /content/x.json",
                "MKCOL /content/x",
                "PROPFIND /content",
                "PUT /content/x.json",
                "DELETE /content/x",
                "COPY /davx/x",
                "PATCH /dav/default/x",
                "PATCH /server/default/jcr:root/x",
                "TRACE /content/x.json",
                "TRACE /dav/default/x"
            })
    void refusesMethodsNothingAnswersThere(String line) {
        String[] parts = (line + " /content/x").split(" ");
        assertEquals(
                405,
                RequestFraming.check(request(parts[0], parts[1], null, null), DAV)
                        .status(),
                line);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /content/x.json",
                "HEAD /",
                "POST /content/x.comments.json",
                "OPTIONS /content/x",
                "PROPFIND /",
                "PROPFIND /dav/default/content",
                "MKCOL /dav/default/x",
                "PUT /server/default/jcr:root/x",
                "DELETE /dav",
                "REPORT /server/default/jcr:root/content",
                "PATCH /api/assets/x.json"
            })
    void letsPlainMethodsAndWebDavOnItsPathsThrough(String line) {
        String[] parts = line.split(" ");
        HttpServletRequest request = request(parts[0], parts[1], null, null);
        when(request.getHeader("Authorization")).thenReturn("Basic eDp4");
        assertNull(RequestFraming.check(request, DAV), line);
    }

    @Test
    void wantsCredentialsForWebDavWrites() {
        assertEquals(
                401,
                RequestFraming.check(request("MKCOL", "/dav/default/x", null, null), DAV)
                        .status());
        assertEquals(
                401,
                RequestFraming.check(request("POST", "/server/default/jcr:root/x", null, null), DAV)
                        .status());
        assertNull(RequestFraming.check(request("PROPFIND", "/dav/default/x", null, null), DAV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/server/default/jcr:root/content/x", "/dav/default/content", "/system/console/bundles"})
    void refusesFormsTheContainerWouldFailOnOutsideSling(String path) {
        HttpServletRequest big = request("POST", path, "application/x-www-form-urlencoded; charset=UTF-8", "UTF-8");
        when(big.getHeader("Authorization")).thenReturn("Basic eDp4");
        when(big.getContentLengthLong()).thenReturn(RequestFraming.CONTAINER_FORM_LIMIT + 1);
        assertEquals(413, RequestFraming.check(big, DAV).status(), path);

        HttpServletRequest chunked = request("POST", path, "application/x-www-form-urlencoded", null);
        when(chunked.getHeader("Authorization")).thenReturn("Basic eDp4");
        when(chunked.getContentLengthLong()).thenReturn(-1L);
        when(chunked.getHeader("Transfer-Encoding")).thenReturn("chunked");
        assertEquals(413, RequestFraming.check(chunked, DAV).status(), path);

        HttpServletRequest small = request("POST", path, "application/x-www-form-urlencoded", null);
        when(small.getHeader("Authorization")).thenReturn("Basic eDp4");
        when(small.getContentLengthLong()).thenReturn(RequestFraming.CONTAINER_FORM_LIMIT);
        assertNull(RequestFraming.check(small, DAV), path);
    }

    @Test
    void leavesLargeFormsToSling() {
        HttpServletRequest big =
                request("POST", "/content/newsfeed/day.articles.json", "application/x-www-form-urlencoded", null);
        when(big.getContentLengthLong()).thenReturn(5_000_000L);
        assertNull(RequestFraming.check(big, DAV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/content/a/%2F2022.json", "/content/a%2fb", "/content/a%5Cb.json", "/content/a%00.json"})
    void refusesEncodedSeparatorsInThePath(String path) {
        assertEquals(
                400,
                RequestFraming.check(request("OPTIONS", path, null, null), DAV).status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "multipart/form-data",
                "multipart/form-data; boundary=",
                "multipart/form-data; boundary=\"\"",
                "MULTIPART/mixed;charset=UTF-8"
            })
    void refusesMultipartWithoutABoundary(String contentType) {
        assertEquals(400, RequestFraming.check(request(contentType, null), DAV).status());
        assertNull(RequestFraming.check(request("multipart/form-data; boundary=----x", null), DAV));
    }

    @Test
    void wantsADestinationForCopyAndMove() {
        assertEquals(
                400,
                RequestFraming.check(request("MOVE", "/dav/default/x", null, null), DAV)
                        .status());
        HttpServletRequest move = request("COPY", "/server/default/jcr:root/x", null, null);
        when(move.getHeader("Destination")).thenReturn("/server/default/jcr:root/y");
        when(move.getHeader("Cookie")).thenReturn("sling.formauth=x");
        assertNull(RequestFraming.check(move, DAV));
    }

    @Test
    void refusesBrokenEscapesAndEmptySegments() {
        HttpServletRequest escape = request("GET", "/server/default/jcr:root/x", null, null);
        when(escape.getQueryString()).thenReturn("id=1&%zz=%x");
        assertEquals(400, RequestFraming.check(escape, DAV).status());
        HttpServletRequest fine = request("GET", "/content/x.json", null, null);
        when(fine.getQueryString()).thenReturn("q=%C3%BC&limit=5");
        assertNull(RequestFraming.check(fine, DAV));
        assertEquals(
                400,
                RequestFraming.check(request("OPTIONS", "/content//x.json", null, null), DAV)
                        .status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/x-www-form-urlencoded; charset=bogus",
                "application/x-www-form-urlencoded; charset=\"",
                "application/x-www-form-urlencoded; charset=",
                "application/x-www-form-urlencoded;charset=UTF-7",
                "application/json; CHARSET=ü",
                "multipart/form-data; boundary=x; charset=\"bo gus\"",
                "text/plain; charset"
            })
    void refusesACharsetTheServerDoesNotKnow(String contentType) {
        assertEquals(415, RequestFraming.check(request(contentType, null), DAV).status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8",
                "application/json;charset=utf-8",
                "application/json; charset=\"utf-8\"",
                "text/plain; charset=ISO-8859-1",
                "multipart/form-data; boundary=----x",
                "bogus",
                ";;;",
                ""
            })
    void letsKnownOrNoCharsetsThrough(String contentType) {
        assertNull(RequestFraming.check(request(contentType, null), DAV));
    }

    @Test
    void alsoChecksWhatTheContainerMakesOfTheCharset() {
        assertEquals(
                415, RequestFraming.check(request("text/plain", "x\"y"), DAV).status());
        HttpServletRequest throwing = request(null, null);
        when(throwing.getCharacterEncoding()).thenThrow(new IllegalArgumentException("bad"));
        assertEquals(415, RequestFraming.check(throwing, DAV).status());
        assertNull(RequestFraming.check(request(null, null), DAV));
    }

    @Test
    void answersAProblemBeforeAnythingElseRuns() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        });
        FilterChain chain = mock(FilterChain.class);
        HttpServletRequest request = request("application/x-www-form-urlencoded; charset=bogus", "bogus");

        new RequestGuard().doFilter(request, response, chain);

        Mockito.verifyNoInteractions(chain);
        Mockito.verify(response).setStatus(415);
        Mockito.verify(response).setContentType("application/problem+json");
        String json = body.toString(StandardCharsets.UTF_8);
        assertEquals(true, json.contains("\"status\":415"), json);
        assertEquals(true, json.contains("unsupported-charset"), json);
    }

    private static HttpServletRequest request(String contentType, String encoding) {
        return request("POST", "/content/newsfeed/day.moderation.json", contentType, encoding);
    }

    private static HttpServletRequest request(String method, String uri, String contentType, String encoding) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getHeaders("Content-Type"))
                .thenReturn(Collections.enumeration(contentType == null ? List.of() : List.of(contentType)));
        when(request.getContentType()).thenReturn(contentType);
        when(request.getCharacterEncoding()).thenReturn(encoding);
        return request;
    }

    @Test
    void aFormMustBeInACharsetThatWritesAsciiAsAscii() {
        assertEquals(
                false, RequestFraming.charsetOfContentTypeIsKnown("application/x-www-form-urlencoded; charset=utf-16"));
        assertEquals(
                false, RequestFraming.charsetOfContentTypeIsKnown("multipart/form-data; boundary=x; charset=UTF-32"));
        assertEquals(
                true, RequestFraming.charsetOfContentTypeIsKnown("application/x-www-form-urlencoded; charset=UTF-8"));
        assertEquals(
                true,
                RequestFraming.charsetOfContentTypeIsKnown("application/x-www-form-urlencoded; charset=ISO-8859-1"));
        assertEquals(true, RequestFraming.charsetOfContentTypeIsKnown("application/json; charset=utf-16"));
    }
}
