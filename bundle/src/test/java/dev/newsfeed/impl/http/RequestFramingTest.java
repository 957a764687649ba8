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

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded; charset=bogus",
            "application/x-www-form-urlencoded; charset=\"", "application/x-www-form-urlencoded; charset=",
            "application/x-www-form-urlencoded;charset=UTF-7", "application/json; CHARSET=ü",
            "multipart/form-data; boundary=x; charset=\"bo gus\"", "text/plain; charset"})
    void refusesACharsetTheServerDoesNotKnow(String contentType) {
        assertEquals(415, RequestFraming.check(request(contentType, null)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
            "application/json;charset=utf-8", "application/json; charset=\"utf-8\"", "text/plain; charset=ISO-8859-1",
            "multipart/form-data; boundary=----x", "bogus", ";;;", ""})
    void letsKnownOrNoCharsetsThrough(String contentType) {
        assertNull(RequestFraming.check(request(contentType, null)));
    }

    @Test
    void alsoChecksWhatTheContainerMakesOfTheCharset() {
        assertEquals(415, RequestFraming.check(request("text/plain", "x\"y")).status());
        HttpServletRequest throwing = request(null, null);
        when(throwing.getCharacterEncoding()).thenThrow(new IllegalArgumentException("bad"));
        assertEquals(415, RequestFraming.check(throwing).status());
        assertNull(RequestFraming.check(request(null, null)));
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
        when(request.getRequestURI()).thenReturn("/content/newsfeed/day.moderation.json");

        new RequestGuard().doFilter(request, response, chain);

        Mockito.verifyNoInteractions(chain);
        Mockito.verify(response).setStatus(415);
        Mockito.verify(response).setContentType("application/problem+json");
        String json = body.toString(StandardCharsets.UTF_8);
        assertEquals(true, json.contains("\"status\":415"), json);
        assertEquals(true, json.contains("unsupported-charset"), json);
    }

    private static HttpServletRequest request(String contentType, String encoding) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeaders("Content-Type")).thenReturn(Collections.enumeration(
                contentType == null ? List.of() : List.of(contentType)));
        when(request.getContentType()).thenReturn(contentType);
        when(request.getCharacterEncoding()).thenReturn(encoding);
        return request;
    }
}
