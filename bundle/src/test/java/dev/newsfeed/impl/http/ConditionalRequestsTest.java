package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConditionalRequestsTest {

    private static final String ETAG =
            ConditionalRequests.strongEtag("application/json", "{}".getBytes(StandardCharsets.UTF_8));
    private static final Instant MODIFIED = Instant.parse("2022-01-10T10:40:00.500Z");

    @Test
    void etagsAreStrongAndFollowTheBytesAndTheMediaType() {
        assertTrue(ETAG.startsWith("\"") && ETAG.endsWith("\""));
        assertEquals(ETAG, ConditionalRequests.strongEtag("application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(
                ETAG, ConditionalRequests.strongEtag("application/json", "{ }".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(
                ETAG, ConditionalRequests.strongEtag("application/rss+xml", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatchComparesEachListedTagWeakly() {
        assertTrue(ConditionalRequests.notModified(ETAG, null, ETAG, MODIFIED));
        assertTrue(ConditionalRequests.notModified("\"a\", W/" + ETAG, null, ETAG, MODIFIED));
        assertTrue(ConditionalRequests.notModified("*", null, ETAG, MODIFIED));
        assertFalse(ConditionalRequests.notModified("\"a\"", null, ETAG, MODIFIED));
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertFalse(ConditionalRequests.notModified("\"a\"", "Mon, 10 Jan 2022 11:00:00 GMT", ETAG, MODIFIED));
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertTrue(ConditionalRequests.notModified(null, "Mon, 10 Jan 2022 10:40:00 GMT", ETAG, MODIFIED));
        assertFalse(ConditionalRequests.notModified(null, "Mon, 10 Jan 2022 10:39:59 GMT", ETAG, MODIFIED));
        assertFalse(ConditionalRequests.notModified(null, "yesterday", ETAG, MODIFIED));
        assertFalse(ConditionalRequests.notModified(null, "Mon, 10 Jan 2022 10:40:00 GMT", ETAG, null));
        assertEquals("Mon, 10 Jan 2022 10:40:00 GMT", ConditionalRequests.httpDate(MODIFIED));
    }

    @Test
    void latestAndEarliestIgnoreNulls() {
        Instant later = MODIFIED.plusSeconds(1);
        assertEquals(later, ConditionalRequests.latest(MODIFIED, null, later));
        assertNull(ConditionalRequests.latest(null, null));
        assertEquals(MODIFIED, ConditionalRequests.earliest(later, MODIFIED));
        assertEquals(MODIFIED, ConditionalRequests.earliest(MODIFIED, later));
        assertEquals(later, ConditionalRequests.earliest(null, later));
        assertEquals(later, ConditionalRequests.earliest(later, null));
        assertNull(ConditionalRequests.earliest(null, null));
    }

    @Test
    void cachePoliciesNeverOutliveAScheduledChange() {
        Instant now = Instant.parse("2022-01-10T10:00:00Z");
        CachePolicy policy = CachePolicy.shared(300);
        assertEquals("public, max-age=300", policy.header());
        assertEquals(
                "public, max-age=42", policy.until(now.plusSeconds(42), now).header());
        assertEquals(
                "public, max-age=300", policy.until(now.plusSeconds(4200), now).header());
        assertEquals(
                "public, max-age=300", policy.until(now.minusSeconds(1), now).header());
        assertEquals(
                "private, no-store",
                CachePolicy.PRIVATE.until(now.plusSeconds(1), now).header());
    }
}
