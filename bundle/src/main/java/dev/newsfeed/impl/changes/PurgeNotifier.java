package dev.newsfeed.impl.changes;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * {@code {"keys": [...], ...}} to a purge endpoint and one xkey {@code PURGE} to every Varnish listed, each retried
 * with backoff on a background thread so no author or reader waits for a cache.
 */
@Component(service = PurgeNotifier.class, immediate = true)
@Designate(ocd = PurgeNotifier.Config.class)
public final class PurgeNotifier {

    public static final String TOPIC = "dev/newsfeed/PURGE";
    private static final Logger log = LoggerFactory.getLogger(PurgeNotifier.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @ObjectClassDefinition(
            name = "Newsfeed purge events",
            description = "Where Newsfeed sends the surrogate keys a change made stale.")
    public @interface Config {
        @AttributeDefinition(
                name = "Purge URL",
                description = "POST {\"keys\": [...]} here for every change (a CDN's or dispatcher's purge API);"
                        + " empty: only the OSGi event " + TOPIC + ".")
        String purge_url() default "";

        @AttributeDefinition(name = "Authorization header", description = "Sent with every purge POST, if set.")
        String purge_authorization() default "";

        @AttributeDefinition(
                name = "Attempts",
                description = "Tries per purge request (each URL on its own) before it is given up (and logged).")
        int purge_attempts() default 6;

        @AttributeDefinition(
                name = "Varnish xkey purge URLs",
                description = "Send the xkey purge request (method and header below, the keys space-separated) to"
                        + " every one of these caches for every change, e.g. http://127.0.0.1:6081/ (docs/cache.md);"
                        + " empty: none. Independent of the purge URL.")
        String[] purge_xkey_urls() default {};

        @AttributeDefinition(
                name = "xkey purge header",
                description = "Header that lists the keys: xkey-purge (hard purge in Newsfeed's VCL) or"
                        + " xkey-softpurge (soft purge: the old answer may be served during grace).")
        String purge_xkey_header() default "xkey-purge";

        @AttributeDefinition(name = "xkey purge method", description = "HTTP method of the xkey purge request.")
        String purge_xkey_method() default "PURGE";

        @AttributeDefinition(
                name = "Repeat the xkey purge after (seconds)",
                description = "In a cluster behind a round-robin cache, send the xkey purge again this many seconds"
                        + " later: a fetch right after the first purge can reach a node that does not see the change"
                        + " yet and put the old answer back. Longer than the cluster's visibility lag (0 = once).")
        long purge_xkey_repeat_seconds() default 0;
    }

    @Reference
    private EventAdmin eventAdmin;

    private volatile Config config;
    private ScheduledExecutorService sender;
    private HttpClient client;

    @Activate
    void activate(Config config) {
        this.config = config;
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-purge");
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        sender.shutdownNow();
    }

    /** Announces one change: an OSGi event now, HTTP purges soon. */
    public void notify(Change change) {
        Map<String, Object> props = new HashMap<>();
        props.put("keys", change.keys().toArray(new String[0]));
        props.put("site", change.site());
        props.put("id", change.articleId());
        props.put("type", change.type().key());
        eventAdmin.postEvent(new Event(TOPIC, props));
        Config now = config;
        for (PurgeRequest request : webhook(change, now)) {
            schedule(request, 1, 0);
        }
        for (PurgeRequest request : xkey(change, now)) {
            schedule(request, 1, 0);
            if (now.purge_xkey_repeat_seconds() > 0) {
                schedule(request, 1, TimeUnit.SECONDS.toMillis(now.purge_xkey_repeat_seconds()));
            }
        }
    }

    /**
     * Purges the cache tier (the xkey URLs only) of what another cluster instance's change made stale, now that this
     * instance sees the change ({@link ClusterPurges}): a fetch the writer's own purge caused may have reached this
     * instance before that and put the old answer back. The OSGi event and the webhook stay the writer's, once.
     */
    public void echo(Collection<String> keys) {
        Config now = config;
        try {
            PurgeRequests.xkey(now.purge_xkey_urls(), now.purge_xkey_method(), now.purge_xkey_header(), keys)
                    .forEach(request -> schedule(request, 1, 0));
        } catch (IllegalArgumentException e) {
            log.error("xkey purge of {} not sent: {}", keys, e.getMessage());
        }
    }

    /** Whether {@link #echo} sends anything. */
    public boolean echoes() {
        return config.purge_xkey_urls().length > 0;
    }

    private static List<PurgeRequest> webhook(Change change, Config config) {
        try {
            return PurgeRequests.webhook(config.purge_url(), config.purge_authorization(), change);
        } catch (IllegalArgumentException e) {
            log.error("Purge of {} not sent: purge.url is invalid ({})", change.keys(), e.getMessage());
            return List.of();
        }
    }

    private static List<PurgeRequest> xkey(Change change, Config config) {
        try {
            return PurgeRequests.xkey(
                    config.purge_xkey_urls(), config.purge_xkey_method(), config.purge_xkey_header(), change.keys());
        } catch (IllegalArgumentException e) {
            log.error("xkey purge of {} not sent: {}", change.keys(), e.getMessage());
            return List.of();
        }
    }

    private void schedule(PurgeRequest request, int attempt, long delayMillis) {
        try {
            sender.schedule(() -> send(request, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("Newsfeed is stopping: {} not sent", request);
        }
    }

    private void send(PurgeRequest request, int attempt) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.uri())
                .timeout(REQUEST_TIMEOUT)
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        try {
            client.sendAsync(http.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            retry(request, attempt, failure.toString());
                        } else if (response.statusCode() < 200 || response.statusCode() >= 300) {
                            retry(request, attempt, "HTTP " + response.statusCode());
                        }
                    });
        } catch (IllegalArgumentException | IllegalStateException e) {
            retry(request, attempt, e.toString());
        }
    }

    private void retry(PurgeRequest request, int attempt, String why) {
        if (attempt >= config.purge_attempts()) {
            log.error("Purge {} failed {} times ({}); giving up", request, attempt, why);
            return;
        }
        long delay = Math.min(60_000L, 500L << (attempt - 1));
        log.info("Purge {} failed ({}); retrying in {} ms", request, why, delay);
        schedule(request, attempt + 1, delay);
    }
}
