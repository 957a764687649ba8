package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifier against two real local HTTP servers standing in for two Varnish instances and a webhook. */
@ExtendWith(SlingContextExtension.class)
class PurgeNotifierTest {

    private final SlingContext context = new SlingContext(ResourceResolverType.NONE);
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheXkeyPurgeToEveryCacheAndTheWebhookToItsUrl() throws Exception {
        String base = serve();
        PurgeNotifier notifier = context.registerInjectActivateService(
                PurgeNotifier.class,
                Map.of("purge.url", base + "/hook", "purge.xkey.urls", new String[] {base + "/a", base + "/b"}));
        notifier.notify(change());
        List<String> got = take(3);
        assertTrue(got.contains("PURGE /a article:a1 feed:day"), got.toString());
        assertTrue(got.contains("PURGE /b article:a1 feed:day"), got.toString());
        assertTrue(got.contains("POST /hook null"), got.toString());
    }

    @Test
    void retriesACacheThatFailsAndLeavesTheWebhookOffByDefault() throws Exception {
        String base = serve();
        failuresLeft.set(1);
        PurgeNotifier notifier = context.registerInjectActivateService(
                PurgeNotifier.class, Map.of("purge.xkey.urls", new String[] {base + "/a"}));
        notifier.notify(change());
        assertEquals(List.of("PURGE /a article:a1 feed:day", "PURGE /a article:a1 feed:day"), take(2));
        assertEquals(null, received.poll(1, TimeUnit.SECONDS), "nothing else sent");
    }

    @Test
    void repeatsTheXkeyPurgeWhenToldToButNotTheWebhook() throws Exception {
        String base = serve();
        PurgeNotifier notifier = context.registerInjectActivateService(
                PurgeNotifier.class,
                Map.of(
                        "purge.url",
                        base + "/hook",
                        "purge.xkey.urls",
                        new String[] {base + "/a"},
                        "purge.xkey.repeat.seconds",
                        1L));
        long start = System.nanoTime();
        notifier.notify(change());
        List<String> got = take(3);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(
                2, got.stream().filter("PURGE /a article:a1 feed:day"::equals).count(), got.toString());
        assertEquals(1, got.stream().filter("POST /hook null"::equals).count(), got.toString());
        assertTrue(millis >= 1000, "the second purge waits the configured second, took " + millis + " ms");
        assertEquals(null, received.poll(1500, TimeUnit.MILLISECONDS), "nothing else sent");
    }

    @Test
    void sendsNoHttpByDefault() throws Exception {
        serve();
        PurgeNotifier notifier = context.registerInjectActivateService(PurgeNotifier.class);
        notifier.notify(change());
        assertEquals(null, received.poll(1, TimeUnit.SECONDS));
    }

    private static Change change() {
        return new Change(
                Change.Type.UPDATED, "day", "a1", "/content/x", 0, Instant.EPOCH, Set.of("article:a1", "feed:day"));
    }

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String keys = exchange.getRequestHeaders().getFirst("xkey-purge");
            if (keys != null) {
                keys = String.join(" ", new java.util.TreeSet<>(List.of(keys.split(" "))));
            }
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + keys);
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private List<String> take(int count) throws InterruptedException {
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String one = received.poll(10, TimeUnit.SECONDS);
            if (one == null) {
                break;
            }
            got.add(one);
        }
        return got;
    }
}
