package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 200 comments from 8 threads on one article: every 202 is stored exactly once, and nothing answers 5xx. */
class ConcurrencyIT {

    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        CommentsIT.liftRateLimits(sling, 1);
    }

    @Test
    void storesEveryAcceptedCommentExactlyOnce() throws Exception {
        String site = TestSites.create(sling, "concurrency");
        String article = CommentsIT.createArticle(site, "Busy article", true);
        String token = CommentsIT.token(article);
        Thread.sleep(1100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> CommentsIT.submit(
                    article,
                    Map.of(
                            "author",
                            "Reader " + (n % 8),
                            "email",
                            "reader" + n + "@example.am",
                            "text",
                            "Comment number " + n,
                            "token",
                            token))));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        Set<String> accepted = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 202) {
                accepted.add(json(r).path("id").asText());
            } else {
                failures.add(r.statusCode() + " " + r.body());
            }
        }
        System.out.println("ConcurrencyIT: " + accepted.size() + " accepted of 200, other answers: " + failures);
        assertEquals(List.of(), failures.stream().filter(f -> f.startsWith("5")).toList(), "no 5xx");
        assertEquals(200, accepted.size());

        List<String> stored = new ArrayList<>();
        String next = site + ".moderation.json?status=pending&limit=100";
        JsonNode page = null;
        while (next != null) {
            page = json(CommentsIT.moderator(next.replace(sling.baseUrl(), "")));
            page.path("items").forEach(item -> stored.add(item.path("id").asText()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
        }
        assertEquals(accepted, new HashSet<>(stored), "every 202 is stored");
        assertEquals(stored.size(), new HashSet<>(stored).size(), "and only once");
        assertEquals(200, page.at("/counts/pending").asInt(), "the count follows");
        List<String> sorted = new ArrayList<>(stored);
        sorted.sort(Collections.reverseOrder());
        assertEquals(sorted, stored, "the queue is newest first");
    }
}
