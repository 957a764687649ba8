package dev.newsfeed.impl.changes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.newsfeed.impl.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells caches what a change made stale: one OSGi event per change on {@value #TOPIC} (property {@code keys}, a
 * String[] of surrogate keys; also {@code site}, {@code id}, {@code type}), and, when configured, one HTTP POST of
 * {@code {"keys": [...], ...}} to a purge endpoint, retried with backoff on a background thread so no author or
 * reader waits for the CDN.
 */
@Component(service = PurgeNotifier.class, immediate = true)
@Designate(ocd = PurgeNotifier.Config.class)
public final class PurgeNotifier {

    public static final String TOPIC = "dev/newsfeed/PURGE";
    private static final Logger log = LoggerFactory.getLogger(PurgeNotifier.class);

    @ObjectClassDefinition(
            name = "Newsfeed purge events",
            description = "Where Newsfeed sends the surrogate keys a change made stale.")
    public @interface Config {
        @AttributeDefinition(
                name = "Purge URL",
                description = "POST {\"keys\": [...]} here for every change (a CDN's or dispatcher's purge API);"
                        + " empty: only the OSGi event " + TOPIC + ".")
        String purge_url() default "";

        @AttributeDefinition(name = "Authorization header", description = "Sent with every purge request, if set.")
        String purge_authorization() default "";

        @AttributeDefinition(name = "Attempts", description = "Tries per purge before it is given up (and logged).")
        int purge_attempts() default 6;
    }

    @Reference
    private EventAdmin eventAdmin;

    private volatile Config config;
    private ScheduledExecutorService sender;

    @Activate
    void activate(Config config) {
        this.config = config;
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-purge");
            t.setDaemon(true);
            return t;
        });
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        sender.shutdownNow();
    }

    /** Announces one change: an OSGi event now, an HTTP purge soon. */
    public void notify(Change change) {
        Map<String, Object> props = new HashMap<>();
        props.put("keys", change.keys().toArray(new String[0]));
        props.put("site", change.site());
        props.put("id", change.articleId());
        props.put("type", change.type().key());
        eventAdmin.postEvent(new Event(TOPIC, props));
        String url = config.purge_url();
        if (url != null && !url.isBlank()) {
            Map<String, Object> body = Map.of(
                    "keys",
                    List.copyOf(change.keys()),
                    "site",
                    change.site(),
                    "id",
                    change.articleId(),
                    "type",
                    change.type().key());
            schedule(url.trim(), body, 1, 0);
        }
    }

    private void schedule(String url, Map<String, Object> body, int attempt, long delayMillis) {
        try {
            sender.schedule(() -> send(url, body, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("Newsfeed is stopping: purge of {} not sent", body.get("keys"));
        }
    }

    private void send(String url, Map<String, Object> body, int attempt) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            String authorization = config.purge_authorization();
            if (authorization != null && !authorization.isBlank()) {
                connection.setRequestProperty("Authorization", authorization);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(Json.bytes(body));
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status >= 200 && status < 300) {
                return;
            }
            retry(url, body, attempt, "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            retry(url, body, attempt, e.toString());
        }
    }

    private void retry(String url, Map<String, Object> body, int attempt, String why) {
        if (attempt >= config.purge_attempts()) {
            log.error("Purge of {} failed {} times ({}); giving up", body.get("keys"), attempt, why);
            return;
        }
        long delay = Math.min(60_000L, 500L << (attempt - 1));
        log.info("Purge of {} failed ({}); retrying in {} ms", body.get("keys"), why, delay);
        schedule(url, body, attempt + 1, delay);
    }
}
