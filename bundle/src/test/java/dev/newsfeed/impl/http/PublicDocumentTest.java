package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletRequest;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SlingContextExtension.class)
class PublicDocumentTest {

    private final SlingContext context = new SlingContext();
    private static final Instant MODIFIED = Instant.parse("2024-03-01T10:15:30.250Z");

    @Test
    void aSharedDocumentNamesItsKeysAndValidators() throws Exception {
        PublicDocument document = PublicDocument.json(
                Map.of("a", "<b>"), MODIFIED, CachePolicy.shared(60), "Surrogate-Key", List.of("site:one", "feed:one"));
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();

        Responses.send(context.request(), response, document);

        assertEquals(200, response.getStatus());
        assertEquals("site:one feed:one", response.getHeader("Surrogate-Key"));
        assertEquals(ConditionalRequests.strongEtag(Responses.JSON, document.body()), response.getHeader("ETag"));
        assertEquals("Fri, 1 Mar 2024 10:15:30 GMT", response.getHeader("Last-Modified"));
        assertEquals("public, max-age=60", response.getHeader("Cache-Control"));
        assertArrayEquals(Json.bytes(Map.of("a", "<b>")), response.getOutput());
    }

    @Test
    void aPrivateDocumentNamesNoKeys() throws Exception {
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();

        Responses.send(
                context.request(),
                response,
                PublicDocument.json(Map.of(), null, CachePolicy.PRIVATE, "Surrogate-Key", List.of("article:x")));

        assertNull(response.getHeader("Surrogate-Key"));
        assertNull(response.getHeader("Last-Modified"));
        assertEquals("private, no-store", response.getHeader("Cache-Control"));
    }

    @Test
    void noHeaderNameNoKeys() throws Exception {
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();

        Responses.send(
                context.request(),
                response,
                PublicDocument.json(Map.of(), null, CachePolicy.shared(60), "", List.of("site:one")));

        assertNull(response.getHeader("Surrogate-Key"));
        assertEquals(200, response.getStatus());
    }

    @Test
    void aMatchingEtagAnswers304WithoutBody() throws Exception {
        PublicDocument document = new PublicDocument(
                "application/rss+xml",
                new byte[] {1, 2, 3},
                MODIFIED,
                CachePolicy.shared(60),
                "xkey",
                List.of("site:one"));
        MockSlingHttpServletRequest request = context.request();
        request.setHeader("If-None-Match", ConditionalRequests.strongEtag("application/rss+xml", new byte[] {1, 2, 3}));
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();

        Responses.send(request, response, document);

        assertEquals(304, response.getStatus());
        assertEquals("site:one", response.getHeader("xkey"));
        assertEquals(0, response.getOutput().length);
    }
}
