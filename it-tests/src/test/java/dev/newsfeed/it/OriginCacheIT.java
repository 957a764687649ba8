package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            HttpResponse<String> response = sling.get(path);
            if ("hit".equals(header(response, "X-Origin-Cache")) || System.nanoTime() > deadline) {
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
            assertEquals("hit", header(second, "X-Origin-Cache"), path);
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
        assertEquals("hit", header(cached(path + ".json"), "X-Origin-Cache"));
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
        assertEquals("hit", header(cached(article + ".json"), "X-Origin-Cache"));
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
            assertEquals("hit", header(cached, "X-Origin-Cache"), path);
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
