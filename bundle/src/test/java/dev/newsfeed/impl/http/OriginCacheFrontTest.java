package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsfeed.impl.NewsfeedTestContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletRequest;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SlingContextExtension.class)
class OriginCacheFrontTest {

    private final SlingContext context = NewsfeedTestContext.newSlingContext();
    private OriginCache cache;
    private OriginCacheFront front;
    private PublicApiSettings settings;
    private final AtomicInteger throughSling = new AtomicInteger();

    @BeforeEach
    void setUp() {
        NewsfeedTestContext.setUp(context);
        settings = context.getService(PublicApiSettings.class);
        cache = context.registerInjectActivateService(OriginCache.class);
        front = context.registerInjectActivateService(OriginCacheFront.class);
    }

    private MockSlingHttpServletRequest request(String method, String query) {
        MockSlingHttpServletRequest request = context.request();
        request.setMethod(method);
        request.setPathInfo("/content/newsfeed/day.feed.json");
        if (query != null) {
            request.setQueryString(query);
        }
        return request;
    }

    private String key(MockSlingHttpServletRequest request) {
        return OriginCache.key(settings.baseUrl(request), request);
    }

    private void store(String key) {
        PublicDocument document = new PublicDocument(
                "application/json",
                "{\"items\":[]}".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-30T12:00:00Z"),
                CachePolicy.shared(60),
                "xkey",
                List.of("site:day"));
        cache.put(key, document, cache.generation(), Instant.now());
    }

    private MockSlingHttpServletResponse send(MockSlingHttpServletRequest request) throws Exception {
        MockSlingHttpServletResponse response = context.response();
        front.doFilter(request, response, (req, res) -> throughSling.incrementAndGet());
        return response;
    }

    @Test
    void aStoredAnswerGoesThroughSlingUntilSlingConfirmsIt() throws Exception {
        MockSlingHttpServletRequest request = request("GET", "limit=5");
        store(key(request));
        send(request);
        assertEquals(1, throughSling.get(), "stored, but never given through Sling: Sling answers");

        cache.get(key(request), Instant.now())
                .confirmation()
                .confirm(List.of(Map.entry("X-Frame-Options", "SAMEORIGIN")), System.nanoTime());
        MockSlingHttpServletResponse answer = send(request);
        assertEquals(1, throughSling.get(), "confirmed: answered before Sling");
        assertEquals("{\"items\":[]}", answer.getOutputAsString());
        assertEquals("SAMEORIGIN", answer.getHeader("X-Frame-Options"));
        assertEquals("hit-front", answer.getHeader(OriginCacheFront.HEADER));
        assertEquals("site:day", answer.getHeader("xkey"));

        cache.bump();
        send(request);
        assertEquals(2, throughSling.get(), "a change anywhere: Sling answers again");
    }

    @Test
    void theConfirmationLastsItsWindowOnly() {
        AnswerCache answers = new AnswerCache(10, 1 << 20, 0);
        answers.put(
                "k",
                new PublicDocument(
                        "application/json", new byte[] {'1'}, null, CachePolicy.shared(60), "xkey", List.of()),
                answers.generation(),
                Instant.now());
        long window = 1_000_000_000L;
        long t = 5_000_000_000L;
        assertNull(answers.confirmed("k", Instant.now(), t, window), "never confirmed");
        answers.get("k", Instant.now()).confirmation().confirm(List.of(), t);
        assertEquals(
                '1',
                answers.confirmed("k", Instant.now(), t + window - 1, window)
                        .document()
                        .body()[0]);
        assertNull(answers.confirmed("k", Instant.now(), t + window, window), "the window is over");
    }

    @Test
    void onlyARequestWithoutCredentialsCookiesOrOriginIsEligible() {
        assertTrue(OriginCacheFront.eligible(request("GET", null)));
        assertTrue(OriginCacheFront.eligible(request("HEAD", "limit=5&cursor=abc")));
        assertFalse(OriginCacheFront.eligible(request("POST", null)));
        assertFalse(OriginCacheFront.eligible(request("OPTIONS", null)));
        assertFalse(OriginCacheFront.eligible(request("GET", "sling:authRequestLogin=1")));
        assertFalse(OriginCacheFront.eligible(request("GET", "sling%3AauthRequestLogin=1")));
        assertFalse(OriginCacheFront.eligible(request("GET", "j_username=a&j_password=b")));
        for (String header : List.of("Authorization", "Cookie", "Origin")) {
            MockSlingHttpServletRequest request = request("GET", null);
            request.addHeader(header, "x");
            assertFalse(OriginCacheFront.eligible(request), header);
        }
    }

    @Test
    void withTheWindowAtZeroEverythingGoesThroughSling() throws Exception {
        context.registerInjectActivateService(cache, "front.confirm.ms", 0);
        MockSlingHttpServletRequest request = request("GET", null);
        store(key(request));
        cache.get(key(request), Instant.now()).confirmation().confirm(List.of(), System.nanoTime());
        send(request);
        assertEquals(1, throughSling.get());
    }
}
