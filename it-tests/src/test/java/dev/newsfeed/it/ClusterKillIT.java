package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Readers comment on both nodes while node 1 (the first started, so the discovery leader) is killed with SIGKILL:
 * every comment answered 202 on either node is there afterwards on both, none twice, and the counts are exact; the
 * cluster's periodic work moves to node 2 (an article scheduled after the kill is logged as gone live, once); and
 * {@code ./newsfeed start --cluster} brings node 1 back. Runs last of the cluster ITs (it kills a node).
 */
class ClusterKillIT {

    private static final String SITE = "/content/newsfeed/day";
    private static final String ARTICLE = SITE + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";
    /** Oak's lease (120 s) runs out before another node recovers a dead node's last commits, plus slack. */
    private static final Duration RECOVERED = Duration.ofSeconds(300);

    @Test
    void keepsEveryAcceptedCommentAndItsJobsWhenANodeIsKilled() throws Exception {
        LocalCluster cluster = LocalCluster.started();
        SlingInstance node1 = cluster.node(1);
        SlingInstance node2 = cluster.node(2);
        ClusterIT.configureComments();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> onNode1 = ConcurrentHashMap.newKeySet();
        List<String> serverErrors = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            SlingInstance node = t % 2 == 0 ? node1 : node2;
            int thread = t;
            pool.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    HttpResponse<String> r;
                    try {
                        r = ClusterSite.comment(node, ARTICLE, "Reader " + thread, "Kill " + thread + "-" + n);
                    } catch (RuntimeException | AssertionError e) {
                        if (node == node1) {
                            return; // node 1 is dead
                        }
                        continue;
                    }
                    if (r.statusCode() == 202) {
                        accepted.add(json(r).path("id").asText());
                        if (node == node1) {
                            onNode1.add(json(r).path("id").asText());
                        }
                    } else if (r.statusCode() >= 500) {
                        synchronized (serverErrors) {
                            serverErrors.add(r.statusCode() + " " + r.body());
                        }
                    }
                }
            });
        }
        while (onNode1.size() < 40) {
            Thread.sleep(20);
        }
        cluster.kill(1);
        long killed = System.nanoTime();
        Thread.sleep(3000); // node 2 takes comments on its own
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        Set<String> answered = Set.copyOf(accepted);

        // the cluster's periodic work: an article scheduled now goes live on node 2, the survivor
        ZoneId zone = ZoneId.of("Asia/Yerevan");
        Instant live = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        String token = json(node2.get(SITE + ".changes.json")).path("next").asText();
        HttpResponse<String> scheduled = node2.postJsonAs(
                "author",
                "author",
                SITE + ".articles.json",
                java.util.Map.of(
                        "title",
                        "Live after a kill",
                        "published",
                        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                                .withZone(zone)
                                .format(live)));
        assertEquals(201, scheduled.statusCode(), scheduled.body());

        Eventually.within(RECOVERED, () -> assertPresent(node2, answered));
        double recovered = ClusterIT.since(killed).toMillis() / 1000.0;
        Eventually.within(
                RECOVERED,
                () -> assertEquals(
                        List.of("created"),
                        types(node2, token, "Live after a kill"),
                        "gone live once, logged by node 2"));
        double wentLive = ClusterIT.since(killed).toMillis() / 1000.0;

        long restarting = System.nanoTime();
        cluster.restart();
        double restarted = ClusterIT.since(restarting).toMillis() / 1000.0;
        for (SlingInstance node : List.of(node1, node2)) {
            Eventually.within(RECOVERED, () -> {
                assertPresent(node, answered);
                KillRecoveryIT.JsonCounts counts = KillRecoveryIT.counts(node, ARTICLE);
                Set<String> pending = KillRecoveryIT.queue(node, "pending");
                Set<String> approved = KillRecoveryIT.queue(node, "approved");
                assertEquals(pending.size(), counts.pending(), node.baseUrl() + " pending count");
                assertEquals(approved.size(), counts.approved(), node.baseUrl() + " approved count");
                assertEquals(counts.shown(), counts.article(), node.baseUrl() + " the article's count");
            });
            assertEquals(List.of("created"), types(node, token, "Live after a kill"), node.baseUrl());
        }
        System.out.printf(
                "ClusterKillIT: %d comments answered 202 (%d on node 1 before its SIGKILL), all present on both"
                        + " nodes afterwards, none twice; node 2 showed all of them %.1f s after the kill (Oak's"
                        + " lease), logged the scheduled article as gone live %.1f s after the kill; node 1"
                        + " restarted in %.1f s; server errors %d%n",
                answered.size(), onNode1.size(), recovered, wentLive, restarted, serverErrors.size());
        assertEquals(List.of(), serverErrors);
    }

    /** Every id in the moderation lists of {@code node}, each once. */
    private static void assertPresent(SlingInstance node, Set<String> ids) {
        List<String> listed = new ArrayList<>();
        for (String status : List.of("pending", "approved")) {
            listed.addAll(KillRecoveryIT.queue(node, status));
        }
        Set<String> missing = new HashSet<>(ids);
        listed.forEach(missing::remove);
        assertEquals(Set.of(), missing, node.baseUrl() + ": answered 202 but missing");
        assertEquals(new HashSet<>(listed).size(), listed.size(), node.baseUrl() + ": listed twice");
    }

    private static List<String> types(SlingInstance node, String token, String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        List<String> types = new ArrayList<>();
        HttpResponse<String> r = node.get(SITE + ".changes.json?limit=1000&since=" + token);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode change : json(r).path("changes")) {
            if (change.path("path").asText().endsWith("/" + slug)) {
                types.add(change.path("type").asText());
            }
        }
        return types;
    }
}
