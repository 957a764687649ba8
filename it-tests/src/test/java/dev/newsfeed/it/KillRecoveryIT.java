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
 * Comments are sent from 8 threads while the JVM is killed with SIGKILL; after a restart on the same repository
 * every comment that was answered 202 before the kill is there.
 */
class KillRecoveryIT {

    private static final SlingProcess process = new SlingProcess("kill-recovery");

    @AfterAll
    static void stop() throws InterruptedException {
        process.stop();
    }

    @Test
    void keepsEveryAcceptedCommentThroughAKill() throws Exception {
        process.start();
        SlingInstance sling = SlingInstance.prepare(process.baseUrl());
        sling.configure(CommentsIT.PID, Map.of("client.burst", "100000", "client.per.minute", "100000",
                "article.burst", "100000", "article.per.minute", "100000", "min.fill.seconds", "0"));
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
        List<String> serverErrors = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = sling.post(article + ".comments.json", Map.of("author", "Load " + n,
                                "email", "load" + n + "@example.am", "text", "Survives a kill " + n, "token", token[0]));
                        if (r.statusCode() == 202) {
                            accepted.add(json(r).path("id").asText());
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

        process.start();
        SlingInstance again = SlingInstance.restarted(process.baseUrl());
        Set<String> stored = ConcurrentHashMap.newKeySet();
        Eventually.within(java.time.Duration.ofSeconds(60), () -> {
            stored.clear();
            String next = "/content/newsfeed/day.moderation.json?status=pending&limit=100";
            while (next != null) {
                HttpResponse<String> page = again.getAsAdmin(next.replace(again.baseUrl(), ""));
                assertEquals(200, page.statusCode(), page.body());
                json(page).path("items").forEach(i -> stored.add(i.path("id").asText()));
                next = json(page).path("next").isNull() ? null : json(page).path("next").asText();
            }
            List<String> missing = answered.stream().filter(id -> !stored.contains(id)).toList();
            assertEquals(List.of(), missing, "answered 202 before the kill but missing after the restart");
        });
        System.out.println("KillRecoveryIT: " + answered.size() + " comments answered 202 before SIGKILL, all "
                + "present after restart; " + sent.get() + " sent; server errors " + serverErrors.size());
        assertEquals(List.of(), serverErrors);
    }
}
