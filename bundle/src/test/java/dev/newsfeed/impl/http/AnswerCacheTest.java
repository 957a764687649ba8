package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static PublicDocument doc(String text, CachePolicy cache) {
        return new PublicDocument(
                "application/json", text.getBytes(StandardCharsets.UTF_8), NOW, cache, "xkey", List.of("site:one"));
    }

    @Test
    void anAnswerIsServedUntilSomethingChanges() {
        AnswerCache cache = new AnswerCache(100, 1 << 20, 0);
        long generation = cache.generation();
        cache.put("a", doc("{\"v\":1}", CachePolicy.shared(60)), generation, NOW);
        AnswerCache.Entry entry = cache.get("a", NOW.plusSeconds(3600));
        assertNotNull(entry);
        assertArrayEquals(
                "{\"v\":1}".getBytes(StandardCharsets.UTF_8), entry.document().body());
        assertEquals(
                ConditionalRequests.strongEtag(
                        "application/json", entry.document().body()),
                entry.etag());

        cache.bump();
        assertNull(cache.get("a", NOW), "a change anywhere makes every stored answer old");
    }

    @Test
    void anAnswerReadBeforeAChangeIsNotKept() {
        AnswerCache cache = new AnswerCache(100, 1 << 20, 0);
        long before = cache.generation();
        cache.bump(); // a write while the answer was being rendered
        cache.put("a", doc("{}", CachePolicy.shared(60)), before, NOW);
        assertNull(cache.get("a", NOW));
        assertEquals(0L, cache.stats().get("entries"));
    }

    @Test
    void anAnswerEndsWhenItsContentChangesByItselfOrAtItsRecheck() {
        AnswerCache cache = new AnswerCache(100, 1 << 20, 0);
        Instant goesLive = NOW.plusSeconds(90);
        cache.put("feed", doc("{}", CachePolicy.shared(60).until(goesLive, NOW)), cache.generation(), NOW);
        assertNotNull(cache.get("feed", goesLive.minusMillis(1)));
        assertNull(cache.get("feed", goesLive), "a scheduled article goes live: rendered again");

        cache.put("search", doc("{}", CachePolicy.shared(60)).recheckedAt(NOW.plusSeconds(5)), cache.generation(), NOW);
        assertNotNull(cache.get("search", NOW.plusSeconds(4)));
        assertNull(cache.get("search", NOW.plusSeconds(5)));
    }

    @Test
    void privateAnswersAreNeverKept() {
        AnswerCache cache = new AnswerCache(100, 1 << 20, 0);
        cache.put("mine", doc("{}", CachePolicy.PRIVATE), cache.generation(), NOW);
        assertNull(cache.get("mine", NOW));
    }

    @Test
    void boundedByEntriesAndBytes() {
        AnswerCache cache = new AnswerCache(50, 1 << 20, 0);
        for (int i = 0; i < 500; i++) {
            cache.put("k" + i, doc("{\"i\":" + i + "}", CachePolicy.shared(60)), cache.generation(), NOW);
        }
        assertTrue(cache.stats().get("entries") <= 50, cache.stats().toString());
        assertNotNull(cache.get("k499", NOW), "the newest answer is kept");

        AnswerCache small = new AnswerCache(1000, 64 * 1024, 0);
        String big = "x".repeat(4000);
        for (int i = 0; i < 100; i++) {
            small.put("b" + i, doc(big, CachePolicy.shared(60)), small.generation(), NOW);
        }
        assertTrue(small.stats().get("bytes") <= 64 * 1024, small.stats().toString());
        small.put("huge", doc("y".repeat(20_000), CachePolicy.shared(60)), small.generation(), NOW);
        assertNull(small.get("huge", NOW), "an answer over an eighth of the cache is not kept");
    }

    @Test
    void turnedOffKeepsNothing() {
        AnswerCache cache = new AnswerCache(0, 1 << 20, 0);
        cache.put("a", doc("{}", CachePolicy.shared(60)), cache.generation(), NOW);
        assertNull(cache.get("a", NOW));
    }

    @Test
    void aPolicyServedLaterIsShortenedToWhatIsLeft() {
        CachePolicy rendered = CachePolicy.shared(60, 600, 30).until(NOW.plusSeconds(300), NOW);
        assertEquals("public, max-age=60, s-maxage=300", rendered.header());
        assertEquals(
                "public, max-age=60, s-maxage=200",
                rendered.at(NOW.plusSeconds(100)).header());
        assertEquals(NOW.plusSeconds(300), rendered.changesAt());
        CachePolicy far = CachePolicy.shared(60, 600, 30).until(NOW.plusSeconds(86_400), NOW);
        assertEquals("public, max-age=60, s-maxage=600, stale-while-revalidate=30", far.header());
        assertEquals(NOW.plusSeconds(86_400), far.changesAt(), "remembered even when it shortens nothing yet");
    }
}
