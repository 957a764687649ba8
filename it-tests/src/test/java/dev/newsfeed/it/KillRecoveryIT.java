package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Comments are sent from 8 threads, and approved by a moderator, while the JVM is killed with SIGKILL; after a
 * restart on the same repository every comment that was answered 202 before the kill is there, every approval
 * answered 200 has its comment approved (moderations are journaled like submissions), and within
 * {@link #COUNTS_EXACT} of Newsfeed answering again the counts equal the comments: the site's pending and approved
 * counts (moderation.json {@code counts}) the comments listed in each status, the article's approved count (its
 * document and its comments list) the approved comments shown.
 */
class KillRecoveryIT {

    private static final SlingProcess process = new SlingProcess("kill-recovery");
    /** The bound docs/api.md gives ("Counts that heal"), plus slack for a loaded build machine. */
    private static final java.time.Duration COUNTS_EXACT = java.time.Duration.ofSeconds(90);

    private static final String SITE = "/content/newsfeed/day";

    /** No rate limits; counts checked and settled sooner than by default, so the hand deletion is repaired quickly. */
    private static final Map<String, String> FAST = Map.of(
            "client.burst", "100000",
            "client.per.minute", "100000",
            "article.burst", "100000",
            "article.per.minute", "100000",
            "min.fill.seconds", "0",
            "counts.check.seconds", "5",
            "counts.settle.seconds", "10");

    @AfterAll
    static void stop() throws InterruptedException {
        process.stop();
    }

    @Test
    void keepsEveryAcceptedCommentThroughAKill() throws Exception {
        process.start();
        SlingInstance sling = SlingInstance.prepare(process.baseUrl());
        sling.configure(CommentsIT.PID, FAST);
        String article = "/content/newsfeed/day/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";
        Thread.sleep(1000);
        String[] token = new String[1];
        // right after the install the bundle may still be refreshed once: wait until its servlets answer
        Eventually.within(java.time.Duration.ofSeconds(60), () -> {
            HttpResponse<String> form = sling.get(article + ".comment-form.json");
            assertEquals(200, form.statusCode(), form.body());
            token[0] = json(form).path("token").asText();
        });

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        java.util.concurrent.BlockingQueue<String> toApprove = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicInteger approvedBeforeKill = new AtomicInteger();
        Set<String> approvedAnswered = ConcurrentHashMap.newKeySet();
        List<String> serverErrors = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        // a moderator approves every third accepted comment while they come in: approvals are in flight at the kill
        pool.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String id = toApprove.take();
                    HttpResponse<String> r =
                            sling.postAsAdmin(SITE + ".moderation.json", Map.of("id", id, "action", "approve"));
                    if (r.statusCode() == 200) {
                        approvedBeforeKill.incrementAndGet();
                        approvedAnswered.add(id);
                    } else if (r.statusCode() >= 500) {
                        synchronized (serverErrors) {
                            serverErrors.add(r.statusCode() + " " + r.body());
                        }
                    }
                } catch (InterruptedException | RuntimeException e) {
                    return;
                }
            }
        });
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = sling.post(
                                article + ".comments.json",
                                Map.of(
                                        "author",
                                        "Load " + n,
                                        "email",
                                        "load" + n + "@example.am",
                                        "text",
                                        "Survives a kill " + n,
                                        "token",
                                        token[0]));
                        if (r.statusCode() == 202) {
                            String id = json(r).path("id").asText();
                            accepted.add(id);
                            if (n % 3 == 0) {
                                toApprove.add(id);
                            }
                        } else if (r.statusCode() >= 500) {
                            synchronized (serverErrors) {
                                serverErrors.add(r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (RuntimeException e) {
                        return; // the connection died with the JVM
                    }
                }
            });
        }
        while (accepted.size() < 150) {
            Thread.sleep(20);
        }
        process.kill();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        Set<String> answered = Set.copyOf(accepted);

        long restarting = System.nanoTime();
        process.start();
        SlingInstance again = SlingInstance.restarted(process.baseUrl());
        long ready = System.nanoTime();
        Set<String> pending = ConcurrentHashMap.newKeySet();
        Set<String> approved = ConcurrentHashMap.newKeySet();
        List<String> drift = new ArrayList<>();
        Eventually.within(java.time.Duration.ofSeconds(60), () -> {
            pending.clear();
            approved.clear();
            pending.addAll(queue(again, "pending"));
            approved.addAll(queue(again, "approved"));
            List<String> missing = answered.stream()
                    .filter(id -> !pending.contains(id) && !approved.contains(id))
                    .toList();
            assertEquals(List.of(), missing, "answered 202 before the kill but missing after the restart");
            List<String> unapproved = approvedAnswered.stream()
                    .filter(id -> !approved.contains(id))
                    .toList();
            assertEquals(List.of(), unapproved, "approval answered 200 before the kill but lost after the restart");
        });
        // counts: exact within the bound, measured from the moment Newsfeed answered again
        Eventually.within(COUNTS_EXACT, () -> {
            Set<String> shownPending = queue(again, "pending");
            Set<String> shownApproved = queue(again, "approved");
            JsonCounts counts = counts(again, article);
            String state = "pending " + counts.pending + " for " + shownPending.size() + ", approved " + counts.approved
                    + " for " + shownApproved.size() + ", article " + counts.article + "/" + counts.listed + " for "
                    + counts.shown;
            if (drift.isEmpty() || !drift.get(drift.size() - 1).endsWith(state)) {
                drift.add(String.format("%.1f s: %s", (System.nanoTime() - ready) / 1e9, state));
            }
            assertEquals(shownPending.size(), counts.pending, state);
            assertEquals(shownApproved.size(), counts.approved, state);
            assertEquals(counts.shown, counts.article, state);
            assertEquals(counts.shown, counts.listed, state);
            assertEquals(shownApproved.size(), counts.shown, "one article: every approved comment is on it");
        });
        double exactAfter = (System.nanoTime() - ready) / 1e9;
        System.out.println("KillRecoveryIT: " + answered.size() + " comments answered 202 before SIGKILL, all "
                + "present after restart; " + sent.get() + " sent; " + approvedBeforeKill.get() + " approvals answered"
                + " 200 before the kill, all approved after; " + pending.size() + " pending and " + approved.size()
                + " approved after;"
                + " server errors " + serverErrors.size());
        System.out.printf(
                "KillRecoveryIT: counts exact %.1f s after Newsfeed answered again (%.1f s after the"
                        + " restart began); observed: %s%n",
                exactAfter, (System.nanoTime() - restarting) / 1e9, drift);
        assertEquals(List.of(), serverErrors);

        // the kill can take the configuration with it: the web console's write-back to /apps/sling/install is a
        // repository write like the comments, and when the store lost it the installer deletes the configuration at
        // start (fresh-ci on 94b840a: checked every 60 s again, settled after 40, so the repair below came too late)
        again.configure(CommentsIT.PID, FAST);

        // a pending comment deleted by hand (Sling's POST servlet): its shard still counts it until the keeper repairs
        // counted again here: a comment journaled but never answered (in flight at the kill) may have been put back
        // after the lists above were read
        Set<String> pendingNow = queue(again, "pending");
        String victim = pendingNow.iterator().next();
        String path = SITE.replace("/content", "/var/newsfeed/comments/content") + "/pending/" + victim.substring(0, 4)
                + "/" + victim.substring(4, 6) + "/" + victim.substring(6, 8) + "/" + victim;
        assertEquals(
                200, again.postAsAdmin(path, Map.of(":operation", "delete")).statusCode());
        long deleted = System.nanoTime();
        long before = counts(again, article).pending;
        Eventually.within(java.time.Duration.ofSeconds(60), () -> {
            assertEquals(pendingNow.size() - 1, queue(again, "pending").size());
            assertEquals(pendingNow.size() - 1, counts(again, article).pending);
        });
        System.out.printf(
                "KillRecoveryIT: a pending comment deleted by hand: count %d right after, exact %.1f s later"
                        + " (check every 5 s, settle 10 s)%n",
                before, (System.nanoTime() - deleted) / 1e9);
    }

    record JsonCounts(long pending, long approved, long article, long listed, long shown) {}

    /** The ids of every comment of a status, through the moderation list, page by page. */
    static Set<String> queue(SlingInstance sling, String status) {
        Set<String> ids = new java.util.HashSet<>();
        String next = SITE + ".moderation.json?status=" + status + "&limit=100";
        while (next != null) {
            HttpResponse<String> page = sling.getAsAdmin(SlingInstance.local(next));
            assertEquals(200, page.statusCode(), page.body());
            json(page).path("items").forEach(i -> ids.add(i.path("id").asText()));
            next = json(page).path("next").isNull() || json(page).path("next").isMissingNode()
                    ? null
                    : json(page).path("next").asText();
        }
        return ids;
    }

    /** The site's counts, the article's count (document and list) and the comments its list shows. */
    static JsonCounts counts(SlingInstance sling, String article) {
        HttpResponse<String> queue = sling.getAsAdmin(SITE + ".moderation.json?status=pending&limit=1");
        assertEquals(200, queue.statusCode(), queue.body());
        HttpResponse<String> document = sling.get(article + ".json");
        assertEquals(200, document.statusCode(), document.body());
        long shown = 0;
        long listed = -1;
        String next = article + ".comments.json?limit=100";
        while (next != null) {
            HttpResponse<String> page = sling.get(SlingInstance.local(next));
            assertEquals(200, page.statusCode(), page.body());
            if (listed < 0) {
                listed = json(page).path("count").asLong();
            }
            shown += countItems(json(page).path("items"));
            next = json(page).path("next").isNull() || json(page).path("next").isMissingNode()
                    ? null
                    : json(page).path("next").asText();
        }
        return new JsonCounts(
                json(queue).at("/counts/pending").asLong(),
                json(queue).at("/counts/approved").asLong(),
                json(document).at("/comments/count").asLong(),
                listed,
                shown);
    }

    private static long countItems(com.fasterxml.jackson.databind.JsonNode items) {
        long n = 0;
        for (com.fasterxml.jackson.databind.JsonNode item : items) {
            n += 1 + countItems(item.path("replies"));
        }
        return n;
    }
}
