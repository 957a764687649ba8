package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After each change kind (publish, edit, re-date, unpublish, delete, going live, comment approval), made on either
 * node, no reader gets the old answer from the cache once the purges are through: the cache is polled every 20 ms
 * from the write's answer, and after the first fresh answer it must stay fresh; an old answer that comes back (a node
 * that did not see the change yet refilled the cache) must be gone within {@link #STABLE_MS}. Going live is also
 * logged once only, whichever node leads.
 */
class ClusterCacheIT {

    /** From the write's answer until every read through the cache is fresh (stated in docs/operations.md). */
    static final long STABLE_MS = 10_000;
    /** Going live waits for the leader's next check (golive.check.seconds 15) on top. */
    static final long GOING_LIVE_MS = 15_000 + STABLE_MS;

    private static final long POLL_MS = 20;
    private static final long WATCH_MS = 8_000;
    private static final List<String> report = new ArrayList<>();
    private static LocalCluster cluster;
    private static SlingInstance cache;
    private static ClusterSite site;

    @BeforeAll
    static void started() {
        cluster = LocalCluster.started();
        cache = cluster.cache();
        site = ClusterSite.create(cluster, "purge");
    }

    @AfterAll
    static void print() {
        System.out.println("ClusterCacheIT: purge through the cache, ms from the write's answer to the first fresh"
                + " read / to the last old one (relapses): " + report);
    }

    @Test
    void everyChangeKindReachesReadersThroughTheCache() {
        SlingInstance node1 = cluster.node(1);
        SlingInstance node2 = cluster.node(2);
        String article = site.article(node1, "Purged", "2022-05-05T10:00");
        String id = ClusterSite.id(node1, article);
        String day = site.path + "/articles/2022/05/05.json";

        warm(article + ".json");
        ClusterSite.update(node2, article, Map.of("lead", "Edited on node 2"));
        purged("edit", article + ".json", r -> json(r).path("lead").asText().equals("Edited on node 2"), STABLE_MS);

        warm(site.path + ".calendar.2022-06.json");
        String moved = ClusterSite.update(node1, article, Map.of("published", "2022-06-06T10:00"));
        purged(
                "re-date",
                site.path + ".calendar.2022-06.json",
                r -> json(r).path("days").size() == 1,
                STABLE_MS);
        purged("re-date (old day)", day + "?limit=100", r -> !r.body().contains(id), STABLE_MS);

        warm(moved + ".json");
        String draft = ClusterSite.update(node2, moved, Map.of("published", ""));
        purged("unpublish", moved + ".json", r -> r.statusCode() == 404, STABLE_MS);

        warm(site.path + ".feed.json");
        String again = ClusterSite.update(node1, draft, Map.of("published", "2022-07-07T10:00"));
        purged("publish", site.path + ".feed.json", r -> r.body().contains(id), STABLE_MS);

        warm(again + ".json");
        ClusterSite.delete(node2, again);
        purged("delete", again + ".json", r -> r.statusCode() == 404, STABLE_MS);
    }

    @Test
    void aCommentApprovalReachesReadersThroughTheCache() {
        SlingInstance node1 = cluster.node(1);
        SlingInstance node2 = cluster.node(2);
        ClusterIT.configureComments();
        String article = site.article(node1, "Commented", "2022-08-08T10:00");
        Eventually.within(
                ClusterSite.VISIBLE,
                () -> assertEquals(200, node2.get(article + ".json").statusCode()));
        HttpResponse<String> sent = ClusterSite.comment(node2, article, "Reader", "Approve me " + Instant.now());
        assertEquals(202, sent.statusCode(), sent.body());
        String comment = json(sent).path("id").asText();
        warm(article + ".comments.json");
        warm(article + ".json");
        Eventually.within(
                ClusterSite.VISIBLE,
                () -> assertEquals(200, site.moderate(node1, comment, "approve").statusCode()));
        purged("comment approval", article + ".comments.json", r -> r.body().contains(comment), STABLE_MS);
        purged(
                "comment approval (count)",
                article + ".json",
                r -> json(r).at("/comments/count").asLong() == 1,
                STABLE_MS);
    }

    @Test
    void aScheduledArticleGoesLiveThroughTheCacheAndIsLoggedOnce() {
        SlingInstance node2 = cluster.node(2);
        String token = site.changesToken(node2);
        ZoneId zone = ZoneId.of("Asia/Yerevan");
        Instant live = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String when = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                .withZone(zone)
                .format(live);
        String article = site.article(node2, "Going live", when);
        String listing = site.path + "/articles/" + when.substring(0, 10).replace('-', '/') + ".json?limit=100";
        warm(site.path + ".feed.json");
        assertTrue(!cache.get(site.path + ".feed.json").body().contains("Going live"), "scheduled: not public");
        while (Instant.now().isBefore(live)) {
            sleep(50);
        }
        purged("going live", site.path + ".feed.json", r -> r.body().contains("Going live"), GOING_LIVE_MS);
        assertEquals(200, cache.get(listing).statusCode());
        String id = ClusterSite.id(node2, article);
        for (SlingInstance node : List.of(cluster.node(1), node2)) {
            Eventually.within(ClusterSite.VISIBLE, () -> {
                List<String> types = new ArrayList<>();
                for (JsonNode change : site.changesSince(node, token)) {
                    if (change.path("id").asText().equals(id)) {
                        types.add(change.path("type").asText());
                    }
                }
                assertEquals(List.of("created"), types, node.baseUrl() + ": logged once, by the leader's job");
            });
        }
    }

    /** Reads until the cache holds the answer (a HIT), so that only a purge can change it. */
    private static void warm(String path) {
        Eventually.within(ClusterSite.VISIBLE, () -> {
            HttpResponse<String> r = cache.get(path);
            if (r.statusCode() == 200) {
                assertEquals("HIT", header(cache.get(path), "X-Cache"), path);
            }
        });
    }

    /**
     * Polls the cache from now until the answer is fresh and has stayed fresh to the end of the watch; fails when an
     * old answer is still served {@code boundMs} after the change.
     */
    private static void purged(String kind, String path, Predicate<HttpResponse<String>> fresh, long boundMs) {
        long start = System.nanoTime();
        long firstFresh = -1;
        long lastOld = -1;
        int relapses = 0;
        long watchEnd = WATCH_MS;
        long now;
        while ((now = (System.nanoTime() - start) / 1_000_000) < Math.max(watchEnd, boundMs / 2)
                || (firstFresh < 0 && now < boundMs)) {
            if (fresh.test(cache.get(path))) {
                if (firstFresh < 0) {
                    firstFresh = now;
                    watchEnd = Math.max(WATCH_MS, now + 3_000);
                }
            } else {
                if (firstFresh >= 0) {
                    relapses++;
                }
                lastOld = now;
            }
            sleep(POLL_MS);
        }
        report.add(kind + " " + firstFresh + "/" + lastOld + " (" + relapses + ")");
        assertTrue(firstFresh >= 0, kind + ": " + path + " still old through the cache after " + boundMs + " ms");
        assertTrue(lastOld < boundMs, kind + ": old answer through the cache " + lastOld + " ms after the write");
        assertTrue(
                lastOld < now - 2_000,
                kind + ": the old answer came back through the cache at " + lastOld + " ms (" + relapses + " times)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
