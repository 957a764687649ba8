package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The origin's cache of rendered answers, as a reader and an author see it: a second anonymous read is the same answer
 * without rendering it again, and nothing it keeps outlives a change: an edit through the API or through Sling's POST
 * servlet, an approved comment, or a scheduled article going live.
 */
class OriginCacheIT {

    private static SlingInstance sling;
    private static String site;
    private static String article;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "origin-cache");
        article = json(sling.postJsonAsAuthor(
                        site + ".articles.json",
                        Map.of("title", "Cached once", "lead", "First lead", "published", "2022-03-03T10:00")))
                .path("path")
                .asText();
    }

    /**
     * Reads {@code path} until the answer comes from the cache (the follow-up of an earlier test's write, filing,
     * index, change log, may still make stored answers old for a moment); that answer.
     */
    private static HttpResponse<String> cached(String path) {
        return readUntil(path, OriginCacheIT::hit);
    }

    /** Reads {@code path} until the answer comes from the cache before Sling; that answer. */
    private static HttpResponse<String> front(String path) {
        return readUntil(path, response -> "hit-front".equals(header(response, "X-Origin-Cache")));
    }

    /** Reads {@code path} until {@code answered} holds for the answer, or 15 s have passed; the last answer. */
    private static HttpResponse<String> readUntil(String path, Predicate<HttpResponse<String>> answered) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            HttpResponse<String> response = sling.get(path);
            if (answered.test(response) || System.nanoTime() > deadline) {
                return response;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Answered from the cache: through Sling ({@code hit}) or before it ({@code hit-front}). */
    private static boolean hit(HttpResponse<String> response) {
        String cache = header(response, "X-Origin-Cache");
        return "hit".equals(cache) || "hit-front".equals(cache);
    }

    @Test
    void aRepeatedAnonymousReadIsAnsweredBeforeSlingAsSlingWouldAnswerIt() {
        for (String path : List.of(article + ".json", site + ".feed.json?limit=3", site + ".rss")) {
            HttpResponse<String> front = front(path);
            assertEquals("hit-front", header(front, "X-Origin-Cache"), path);
            // a cookie makes Sling answer (from the cache, through authentication, resolution and the filters)
            HttpResponse<String> through = sling.get(path, "Cookie", "reader=1");
            assertEquals("hit", header(through, "X-Origin-Cache"), path);
            assertEquals(through.statusCode(), front.statusCode(), path);
            assertEquals(through.body(), front.body(), path);
            for (String name : List.of(
                    "ETag",
                    "Last-Modified",
                    "Content-Type",
                    "Content-Length",
                    "Cache-Control",
                    "Surrogate-Key",
                    "X-Content-Type-Options",
                    "X-Frame-Options",
                    "Access-Control-Allow-Origin",
                    "Access-Control-Expose-Headers")) {
                assertEquals(through.headers().allValues(name), front.headers().allValues(name), path + " " + name);
            }
            assertEquals(
                    304, sling.get(path, "If-None-Match", header(front, "ETag")).statusCode(), path);
            HttpResponse<String> head = sling.head(path);
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body(), path);
            // a CORS request gets the CORS answer Sling gives it, never a stored one's headers
            assertNotEquals(
                    "hit-front", header(sling.get(path, "Origin", "https://elsewhere.example"), "X-Origin-Cache"));
            assertNull(sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, path)
                    .headers()
                    .firstValue("X-Origin-Cache")
                    .orElse(null));
        }
        // and an edit is read back at once, as through Sling
        String lead = "Lead changed while answered before Sling " + System.nanoTime();
        assertEquals("hit-front", header(front(article + ".json"), "X-Origin-Cache"));
        assertEquals(200, sling.postAsAdmin(article, Map.of("lead", lead)).statusCode());
        assertEquals(lead, json(sling.get(article + ".json")).path("lead").asText());
    }

    private static List<String> titles(HttpResponse<String> list) {
        List<String> titles = new ArrayList<>();
        json(list).path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    @Test
    void aSecondAnonymousReadIsTheSameAnswerFromTheCache() {
        for (String path : List.of(
                article + ".json",
                site + ".json",
                site + ".feed.json",
                site + ".rss",
                site + ".calendar.2022-03.json",
                site + "/articles/2022/03.json",
                article + ".comments.json")) {
            HttpResponse<String> first = sling.get(path);
            assertEquals(200, first.statusCode(), path);
            HttpResponse<String> second = cached(path);
            assertTrue(hit(second), path);
            assertEquals(first.body(), second.body(), path);
            assertEquals(header(first, "ETag"), header(second, "ETag"), path);
            assertEquals(header(first, "Last-Modified"), header(second, "Last-Modified"), path);
            assertEquals(header(first, "Content-Type"), header(second, "Content-Type"), path);
            assertEquals(
                    304, sling.get(path, "If-None-Match", header(first, "ETag")).statusCode(), path);
            HttpResponse<String> head = sling.head(path);
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body(), path);
            assertEquals(header(first, "ETag"), header(head, "ETag"), path);
        }
    }

    @Test
    void signedInReadersAreNeverAnsweredFromIt() {
        sling.get(article + ".json");
        HttpResponse<String> author =
                sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, article + ".json");
        assertEquals(200, author.statusCode());
        assertNull(author.headers().firstValue("X-Origin-Cache").orElse(null));
    }

    @Test
    void anEditThroughTheApiIsReadBackAtOnce() {
        String path = json(sling.postJsonAsAuthor(
                        site + ".articles.json", Map.of("title", "Edited soon", "published", "2022-03-04T10:00")))
                .path("path")
                .asText();
        sling.get(path + ".json");
        sling.get(site + ".feed.json");
        assertTrue(hit(cached(path + ".json")));
        assertEquals(
                200,
                sling.postJsonAsAuthor(path + ".update.json", Map.of("title", "Edited now"))
                        .statusCode());
        // the writer's next read, on the same instance, is the new answer: no wait
        assertEquals("Edited now", json(sling.get(path + ".json")).path("title").asText());
        assertTrue(titles(sling.get(site + ".feed.json")).contains("Edited now"));
    }

    @Test
    void anEditThroughSlingsPostServletIsReadBackAtOnce() {
        assertTrue(hit(cached(article + ".json")));
        String lead = "Lead set by an administrator " + System.nanoTime();
        assertEquals(200, sling.postAsAdmin(article, Map.of("lead", lead)).statusCode());
        assertEquals(lead, json(sling.get(article + ".json")).path("lead").asText());
    }

    @Test
    void aScheduledArticleAppearsInCachedListsAtItsPublishInstant() throws Exception {
        Instant goLive = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        String title = "Going live " + goLive.getEpochSecond();
        assertEquals(
                201,
                sling.postJsonAsAuthor(site + ".articles.json", Map.of("title", title, "published", goLive.toString()))
                        .statusCode());
        List<String> paths = List.of(site + ".feed.json", site + "/articles.json?limit=50");
        for (String path : paths) {
            assertFalse(titles(sling.get(path)).contains(title));
            HttpResponse<String> cached = cached(path);
            assertTrue(hit(cached), path);
            long maxAge = Long.parseLong(header(cached, "Cache-Control").replaceAll(".*max-age=(\\d+).*", "$1"));
            assertTrue(
                    maxAge <= 15, "no cache may keep it past the publish instant: " + header(cached, "Cache-Control"));
        }
        while (Instant.now().isBefore(goLive)) {
            Thread.sleep(200);
        }
        Instant seen = null;
        while (seen == null && Instant.now().isBefore(goLive.plusSeconds(10))) {
            if (paths.stream().allMatch(p -> titles(sling.get(p)).contains(title))) {
                seen = Instant.now();
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(seen != null, "not listed 10 s after " + goLive);
        System.out.println(
                "OriginCacheIT: listed " + Duration.between(goLive, seen).toMillis() + " ms after its publish instant");
    }

    @Test
    void anApprovedCommentCountsInTheCachedArticleAndList() throws InterruptedException {
        JsonNode before = json(cached(article + ".json"));
        long count = before.at("/comments/count").asLong();
        String token =
                json(sling.get(article + ".comment-form.json")).path("token").asText();
        CommentsIT.liftRateLimits(sling, 2);
        Thread.sleep(2100); // the minimum fill time
        HttpResponse<String> posted = sling.post(
                article + ".comments.json",
                Map.of(
                        "author",
                        "Cache reader",
                        "email",
                        "cache@example.org",
                        "text",
                        "Counted at once?",
                        "token",
                        token));
        assertEquals(202, posted.statusCode(), posted.body());
        String id = json(posted).path("id").asText();
        assertEquals(
                count, json(sling.get(article + ".json")).at("/comments/count").asLong(), "pending: not counted");
        HttpResponse<String> approved = CommentsIT.moderate(site, id, "approve");
        assertTrue(approved.statusCode() < 300, approved.body());
        // the moderator's approval is a write on this instance: the next read counts it
        assertEquals(
                count + 1,
                json(sling.get(article + ".json")).at("/comments/count").asLong());
        Eventually.within(
                Duration.ofSeconds(10),
                () -> assertEquals(
                        count + 1,
                        json(sling.get(article + ".comments.json"))
                                .path("count")
                                .asLong()));
    }
}
