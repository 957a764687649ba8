package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final CsrfTokens tokens = new CsrfTokens("key of the instance".getBytes(StandardCharsets.UTF_8));

    @Test
    void acceptsItsOwnTokenForTheSameUser() {
        String token = tokens.issue("anna", NOW);
        assertTrue(tokens.valid(token, "anna", NOW));
        assertTrue(tokens.valid(token, "anna", NOW.plus(CsrfTokens.MAX_AGE).minusSeconds(1)));
    }

    @Test
    void refusesTokensOfOtherUsersKeysOrTimes() {
        String token = tokens.issue("anna", NOW);
        assertFalse(tokens.valid(token, "bob", NOW), "bound to its user");
        assertFalse(new CsrfTokens("another key".getBytes(StandardCharsets.UTF_8)).valid(token, "anna", NOW));
        assertFalse(tokens.valid(token, "anna", NOW.plus(CsrfTokens.MAX_AGE).plusSeconds(1)), "expired");
        assertFalse(tokens.valid(tokens.issue("anna", NOW.plusSeconds(3600)), "anna", NOW), "from the future");
        String[] parts = token.split("\\.");
        assertFalse(
                tokens.valid(parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2], "anna", NOW),
                "a later issue time with the old signature");
        for (String bad : new String[] {
            null,
            "",
            "1",
            "1.2.3.4",
            "x.1.abc",
            "1.abc.def",
            token + "x",
            "1." + NOW.getEpochSecond() + "." + "a".repeat(200)
        }) {
            assertFalse(tokens.valid(bad, "anna", NOW), String.valueOf(bad));
        }
    }

    @Test
    void isRequiredForBrowserWritesOnly() {
        assertFalse(CsrfTokens.required(request("GET", null, null)));
        assertFalse(CsrfTokens.required(request("HEAD", null, null)));
        assertTrue(CsrfTokens.required(request("POST", null, null)), "signed in by a cookie");
        assertTrue(CsrfTokens.required(request("DELETE", null, null)));
        assertFalse(CsrfTokens.required(request("POST", "Basic YTpi", null)), "an API client");
        assertFalse(CsrfTokens.required(request("POST", "Basic YTpi", "same-origin")));
        assertFalse(CsrfTokens.required(request("POST", "Basic YTpi", "none")));
        assertTrue(
                CsrfTokens.required(request("POST", "Basic YTpi", "cross-site")),
                "a browser resending cached Basic credentials for another site's page");
        assertTrue(CsrfTokens.required(request("POST", "Basic YTpi", "same-site")));
    }

    private static HttpServletRequest request(String method, String authorization, String fetchSite) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(request.getHeader("Sec-Fetch-Site")).thenReturn(fetchSite);
        return request;
    }
}
