package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.newsfeed.impl.http.CorsPolicy.Access;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static final String READER = "https://reader.example";
    private static final String DESK = "https://desk.example";
    private static final Map<String, Access> COMMENTS =
            new TreeMap<>(Map.of("GET", Access.READ, "HEAD", Access.READ, "POST", Access.COMMENT));
    private static final Map<String, Access> ARTICLES =
            new TreeMap<>(Map.of("GET", Access.CREDENTIALED, "HEAD", Access.CREDENTIALED, "POST", Access.CREDENTIALED));

    private final CorsPolicy defaults = CorsPolicy.defaults();
    private final CorsPolicy configured =
            CorsPolicy.of(new String[] {"*"}, new String[] {"https://Reader.example/"}, new String[] {DESK, "*"}, 120);

    @Test
    void normalisesOriginsAsBrowsersSendThem() {
        assertEquals("https://news.example", CorsPolicy.origin("HTTPS://News.Example:443/"));
        assertEquals("http://127.0.0.1:8085", CorsPolicy.origin("http://127.0.0.1:8085"));
        assertEquals("http://[::1]:8085", CorsPolicy.origin("http://[::1]:8085"));
        assertEquals("http://news.example", CorsPolicy.origin("http://news.example:80"));
        assertNull(CorsPolicy.origin("null"));
        assertNull(CorsPolicy.origin("ü"));
        assertNull(CorsPolicy.origin("ftp://news.example"));
        assertNull(CorsPolicy.origin("https://news.example/path"));
        assertNull(CorsPolicy.origin("https://user@news.example"));
        assertNull(CorsPolicy.origin("https://news.example?x=1"));
        assertNull(CorsPolicy.origin(""));
        assertNull(CorsPolicy.origin(null));
    }

    @Test
    void leavesOutWhatIsNoOriginAndAnyOriginWithCredentials() {
        CorsPolicy policy = CorsPolicy.of(
                new String[] {"*", "news.example", " "}, new String[] {"null"}, new String[] {"*", DESK}, 600);
        assertEquals(List.of("news.example", "null", "*"), policy.ignored());
        assertFalse(policy.allows("https://evil.example", Access.CREDENTIALED));
        assertTrue(policy.allows(DESK, Access.CREDENTIALED));
    }

    @Test
    void publicReadsFromAnyOriginGetAStarThatCachesServeToEveryone() {
        assertEquals(
                List.of("Access-Control-Allow-Origin: *", "Access-Control-Expose-Headers: " + CorsPolicy.EXPOSED),
                strings(defaults.actual("https://anyone.example", Access.READ)));
        // no Origin at all (or this server's own pages): the same answer, so a cached copy serves every origin
        assertEquals(
                strings(defaults.actual("https://anyone.example", Access.READ)),
                strings(defaults.actual(null, Access.READ)));
    }

    @Test
    void aListOfReadOriginsEchoesTheOriginAndVariesOnIt() {
        CorsPolicy policy = CorsPolicy.of(new String[] {READER}, new String[0], new String[0], 600);
        assertEquals(
                List.of(
                        "Access-Control-Allow-Origin: " + READER,
                        "Access-Control-Expose-Headers: " + CorsPolicy.EXPOSED,
                        "Vary: Origin"),
                strings(policy.actual(READER, Access.READ)));
        assertEquals(List.of("Vary: Origin"), strings(policy.actual("https://other.example", Access.READ)));
        assertEquals(List.of("Vary: Origin"), strings(policy.actual(null, Access.READ)));
    }

    @Test
    void commentsOnlyFromTheWriteOrigins() {
        assertFalse(defaults.allows(READER, Access.COMMENT));
        assertTrue(configured.allows("https://reader.example", Access.COMMENT));
        assertTrue(configured.allows(READER, Access.READ));
        assertFalse(configured.allows("https://other.example", Access.COMMENT));
        assertFalse(configured.allows(READER, Access.CREDENTIALED));
        assertEquals(
                List.of(
                        "Access-Control-Allow-Origin: " + READER,
                        "Access-Control-Expose-Headers: " + CorsPolicy.EXPOSED,
                        "Vary: Origin"),
                strings(configured.actual(READER, Access.COMMENT)));
        assertEquals(List.of("Vary: Origin"), strings(configured.actual("https://other.example", Access.COMMENT)));
    }

    @Test
    void credentialsNeverWithAStarAndOnlyForTheirOrigins() {
        List<String> desk = strings(configured.actual(DESK, Access.READ));
        assertEquals(
                List.of(
                        "Access-Control-Allow-Origin: " + DESK,
                        "Access-Control-Allow-Credentials: true",
                        "Access-Control-Expose-Headers: " + CorsPolicy.EXPOSED,
                        "Vary: Origin"),
                desk);
        for (Access access : Access.values()) {
            for (String origin : new String[] {READER, "https://other.example", null}) {
                List<String> headers = strings(configured.actual(origin, access));
                assertFalse(
                        headers.contains("Access-Control-Allow-Credentials: true"), origin + " " + access + headers);
            }
        }
        assertEquals(List.of("Vary: Origin"), strings(configured.actual(READER, Access.CREDENTIALED)));
    }

    @Test
    void answersAPreflightWithTheMethodsAndHeadersOfTheOrigin() {
        CorsPolicy.Preflight preflight = configured.preflight(READER, "POST", "content-type", COMMENTS);
        assertTrue(preflight.allowed(), preflight.reason());
        assertEquals(
                List.of(
                        "Access-Control-Allow-Origin: " + READER,
                        "Access-Control-Allow-Methods: GET, HEAD, POST",
                        "Access-Control-Allow-Headers: Content-Type, If-None-Match, If-Modified-Since",
                        "Access-Control-Max-Age: 120",
                        "Vary: Origin"),
                strings(preflight.headers()));
        CorsPolicy.Preflight read = configured.preflight("https://other.example", "GET", "If-None-Match", COMMENTS);
        assertTrue(read.allowed());
        assertTrue(strings(read.headers()).contains("Access-Control-Allow-Methods: GET, HEAD"));
    }

    @Test
    void refusesPreflightsOfOriginsMethodsAndHeadersNotAllowed() {
        assertFalse(configured
                .preflight("https://other.example", "POST", null, COMMENTS)
                .allowed());
        assertFalse(defaults.preflight(READER, "POST", "Content-Type", COMMENTS).allowed());
        assertFalse(configured.preflight(READER, "DELETE", null, COMMENTS).allowed());
        assertFalse(configured.preflight(READER, "GET", null, ARTICLES).allowed());
        assertFalse(configured.preflight("null", "GET", null, COMMENTS).allowed());
        assertFalse(configured
                .preflight(READER, "POST", "Content-Type, Authorization", COMMENTS)
                .allowed());
        assertFalse(configured.preflight(READER, "POST", "X-Custom", COMMENTS).allowed());
        CorsPolicy.Preflight refused = configured.preflight(READER, "GET", null, ARTICLES);
        assertEquals(List.of("Vary: Origin"), strings(refused.headers()));
        assertTrue(refused.reason().contains("cors.credentials.origins"), refused.reason());
    }

    @Test
    void credentialsOriginsMaySendAuthorizationAndTheCsrfHeader() {
        CorsPolicy.Preflight preflight =
                configured.preflight(DESK, "POST", "authorization,x-newsfeed-csrf,content-type", ARTICLES);
        assertTrue(preflight.allowed(), preflight.reason());
        assertEquals(
                List.of(
                        "Access-Control-Allow-Origin: " + DESK,
                        "Access-Control-Allow-Credentials: true",
                        "Access-Control-Allow-Methods: GET, HEAD, POST",
                        "Access-Control-Allow-Headers: Content-Type, If-None-Match, If-Modified-Since, Authorization,"
                                + " X-Newsfeed-CSRF",
                        "Access-Control-Max-Age: 120",
                        "Vary: Origin"),
                strings(preflight.headers()));
    }

    @Test
    void knowsThisServersOwnPages() {
        assertTrue(CorsPolicy.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080", "http://localhost:8080"));
        assertTrue(CorsPolicy.sameOrigin("http://localhost:8080", "evil.example", "http://localhost:8080"));
        assertTrue(CorsPolicy.sameOrigin("https://news.example", "news.example", "http://localhost:4502"));
        assertTrue(CorsPolicy.sameOrigin("https://news.example", "news.example:443", "http://localhost:4502"));
        assertFalse(CorsPolicy.sameOrigin("http://127.0.0.1:8085", "127.0.0.1:8080", "http://127.0.0.1:8080"));
        assertFalse(CorsPolicy.sameOrigin("null", "127.0.0.1:8080", "http://127.0.0.1:8080"));
        assertFalse(CorsPolicy.sameOrigin("http://evil.example", null, "http://127.0.0.1:8080"));
    }

    private static List<String> strings(List<CorsPolicy.Header> headers) {
        return headers.stream().map(h -> h.name() + ": " + h.value()).collect(Collectors.toList());
    }
}
