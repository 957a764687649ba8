package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster that {@code ./newsfeed start --cluster} starts, tried the way readers and authors use it: two Sling
 * nodes on one Oak DocumentNodeStore in PostgreSQL, Varnish in front. What one node writes, the other node and the
 * cache show within {@link ClusterSite#VISIBLE}; writes on both nodes at once leave every listing exact; the same
 * comment sent to both nodes is stored once; answers for signed-in users never come from the cache.
 */
class ClusterIT {

    private static LocalCluster cluster;
    private static SlingInstance cache;
    private static SlingInstance node1;
    private static SlingInstance node2;

    @BeforeAll
    static void started() {
        cluster = LocalCluster.started();
        cache = cluster.cache();
        node1 = cluster.node(1);
        node2 = cluster.node(2);
    }

    @Test
    void servesTheSampleSiteThroughTheCacheFromBothNodesAlike() {
        String site = "/content/newsfeed/day";
        for (String path : List.of(
                site + ".json",
                site + ".calendar.2022-01.json",
                site + ".feed.json",
                site + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan.json")) {
            HttpResponse<String> one = node1.get(path);
            HttpResponse<String> two = node2.get(path);
            assertEquals(200, one.statusCode(), path);
            assertEquals(one.body(), two.body(), "both nodes answer " + path + " alike");
            assertEquals(header(one, "ETag"), header(two, "ETag"), path);
            HttpResponse<String> first = cache.get(path);
            HttpResponse<String> again = cache.get(path);
            assertEquals(one.body(), first.body(), "the cache serves what the nodes do: " + path);
            assertEquals("HIT", header(again, "X-Cache"), path);
            assertEquals(null, again.headers().firstValue("Surrogate-Key").orElse(null), "keys stay in the cache");
        }
    }

    @Test
    void aWriteOnOneNodeIsReadOnTheOtherAndThroughTheCache() {
        ClusterSite site = ClusterSite.create(cluster, "lag");
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SlingInstance writer = i % 2 == 0 ? node1 : node2;
            SlingInstance reader = i % 2 == 0 ? node2 : node1;
            List<String> before = site.feed(cache); // now in the cache: the write must purge it
            long start = System.nanoTime();
            String article = site.article(writer, "Lag " + i, "2022-02-0" + (i + 1) + "T10:00");
            String id = ClusterSite.id(writer, article);
            Eventually.within(ClusterSite.VISIBLE, () -> assertEquals(id, first(site.feed(reader))));
            long onOther = System.nanoTime() - start;
            Eventually.within(ClusterSite.VISIBLE, () -> assertEquals(id, first(site.feed(cache))));
            assertEquals(before.size() + 1, site.feed(cache).size());
            lags.add(onOther / 1_000_000);
            lags.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println(
                "ClusterIT: write to visible on the other node, then through the cache (ms, pairs): " + lags);
    }

    @Test
    void concurrentWritesOnBothNodesLeaveCalendarListingsFeedAndChangesExact() throws Exception {
        ClusterSite site = ClusterSite.create(cluster, "concurrent");
        String token = site.changesToken(node1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> paths = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            SlingInstance writer = n % 2 == 0 ? node1 : node2;
            // four days of March, six articles each, written on both nodes at once
            paths.add(pool.submit(() -> site.article(
                    writer, "Concurrent " + n, String.format("2022-03-%02dT%02d:%02d", 1 + n % 4, 8 + n / 4, n))));
        }
        Map<String, List<String>> expected = new TreeMap<>();
        Set<String> all = new HashSet<>();
        for (Future<String> f : paths) {
            String path = f.get();
            String id = ClusterSite.id(node1.get(path + ".json").statusCode() == 200 ? node1 : node2, path);
            String day = path.substring(site.path.length() + "/articles/".length(), path.lastIndexOf('/'));
            expected.computeIfAbsent(day, d -> new ArrayList<>()).add(id);
            all.add(id);
        }
        pool.shutdown();
        Map<String, Long> counts = new TreeMap<>();
        expected.forEach((day, ids) -> counts.put(day.replace('/', '-'), (long) ids.size()));
        long start = System.nanoTime();
        for (SlingInstance reader : List.of(node1, node2, cache)) {
            Eventually.within(ClusterSite.VISIBLE, () -> {
                assertEquals(counts, site.calendar(reader, "2022-03"), reader.baseUrl() + " calendar");
                expected.forEach((day, ids) -> assertEquals(
                        new HashSet<>(ids), new HashSet<>(site.day(reader, day)), reader.baseUrl() + " " + day));
                List<String> feed = site.feed(reader);
                assertEquals(all.size(), feed.size(), reader.baseUrl() + " feed, no duplicates");
                assertEquals(all, new HashSet<>(feed), reader.baseUrl() + " feed");
                List<String> created = new ArrayList<>();
                for (JsonNode change : site.changesSince(reader, token)) {
                    if (change.path("type").asText().equals("created")) {
                        created.add(change.path("id").asText());
                    }
                }
                assertEquals(all.size(), created.size(), reader.baseUrl() + " one created change each: " + created);
                assertEquals(all, new HashSet<>(created), reader.baseUrl() + " changes");
            });
        }
        System.out.printf(
                "ClusterIT: 24 articles written on both nodes at once: calendar, 4 day listings, feed and changes"
                        + " exact on node 1, node 2 and the cache %.1f s after the last write answered%n",
                (System.nanoTime() - start) / 1e9);
    }

    @Test
    void theSameCommentSentToBothNodesAtOnceIsStoredOnce() throws Exception {
        ClusterSite site = ClusterSite.create(cluster, "twice");
        String article = site.article(node1, "Commented twice", "2022-04-01T10:00");
        configureComments();
        Eventually.within(
                ClusterSite.VISIBLE,
                () -> assertEquals(200, node2.get(article + ".json").statusCode()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = "Said once on two nodes " + i + " " + java.util.UUID.randomUUID();
            Future<HttpResponse<String>> a = pool.submit(() -> ClusterSite.comment(node1, article, "Twin", text));
            Future<HttpResponse<String>> b = pool.submit(() -> ClusterSite.comment(node2, article, "Twin", text));
            List<Integer> pair =
                    new ArrayList<>(List.of(a.get().statusCode(), b.get().statusCode()));
            Collections.sort(pair);
            answers.addAll(pair);
            assertEquals(
                    List.of(202, 409),
                    pair,
                    "one comment, one duplicate: " + a.get().body() + b.get().body());
        }
        pool.shutdown();
        Eventually.within(
                ClusterSite.VISIBLE,
                () -> assertEquals(
                        5,
                        json(node2.getAsAdmin(site.path + ".moderation.json?status=pending&limit=100"))
                                .path("items")
                                .size()));
        System.out.println("ClusterIT: the same comment sent to both nodes at once, 5 times: " + answers);
    }

    @Test
    void answersForSignedInUsersNeverComeFromTheCache() {
        ClusterSite site = ClusterSite.create(cluster, "private");
        String draft = site.article(node1, "Private draft", "");
        ClusterSite.sees(node2, draft); // the cache may ask either node
        for (String path : List.of(
                site.path + ".articles.json",
                draft + ".edit.json",
                site.path + ".moderation.json",
                site.path + ".console.html",
                site.path + ".json")) {
            String user = path.contains("moderation") ? "moderator" : "author";
            HttpResponse<String> first = cache.getAs(user, user, path);
            HttpResponse<String> second = cache.getAs(user, user, path);
            assertEquals(200, second.statusCode(), path + ": " + second.body());
            assertEquals("PASS", header(second, "X-Cache"), path + " is passed, never cached, for " + user);
            assertNotEquals("HIT", header(first, "X-Cache"), path);
            HttpResponse<String> anonymous = cache.get(path);
            if (!path.endsWith(site.path + ".json")) {
                assertTrue(
                        anonymous.statusCode() == 401 || anonymous.statusCode() == 403 || anonymous.statusCode() == 404,
                        path + " for an anonymous reader after " + user + " read it: " + anonymous.statusCode());
                assertTrue(!anonymous.body().contains("Private draft"), path);
            }
        }
        assertEquals(404, cache.get(draft + ".json").statusCode(), "a draft through the cache");
    }

    /** Comment limits and the minimum fill time, on both nodes, as an operator sets them in the web console. */
    static void configureComments() {
        for (SlingInstance node : List.of(node1Of(), node2Of())) {
            node.configure(
                    CommentsIT.PID,
                    Map.of(
                            "client.burst",
                            "100000",
                            "client.per.minute",
                            "100000",
                            "article.burst",
                            "100000",
                            "article.per.minute",
                            "100000",
                            "min.fill.seconds",
                            "0",
                            "trusted.proxies",
                            "127.0.0.1"));
        }
    }

    private static SlingInstance node1Of() {
        return LocalCluster.started().node(1);
    }

    private static SlingInstance node2Of() {
        return LocalCluster.started().node(2);
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? null : ids.get(0);
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
