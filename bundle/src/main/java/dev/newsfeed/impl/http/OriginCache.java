package dev.newsfeed.impl.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import dev.newsfeed.impl.content.ContentModel;
import org.apache.sling.api.resource.observation.ExternalResourceChangeListener;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origin's cache of rendered public answers ({@link AnswerCache}) and what makes them old: it hears every change
 * of the sites' content (articles, settings, the public copies of approved comments), of the archive index and of the
 * change log, made on this instance or, once Oak shows it here, on another instance of the cluster. The listeners that
 * purge the cache tier bump it too, before they purge ({@link #bump}), so that a purge never makes a shared cache
 * fetch an answer this cache would still give as it was.
 */
@Component(
        service = {OriginCache.class, ResourceChangeListener.class},
        property = {
            ResourceChangeListener.PATHS + "=" + ContentModel.CONTENT_ROOT,
            ResourceChangeListener.PATHS + "=/var/newsfeed/index",
            ResourceChangeListener.PATHS + "=/var/newsfeed/changes",
            ResourceChangeListener.CHANGES + "=ADDED",
            ResourceChangeListener.CHANGES + "=CHANGED",
            ResourceChangeListener.CHANGES + "=REMOVED"
        })
@Designate(ocd = OriginCache.Config.class)
public final class OriginCache implements ResourceChangeListener, ExternalResourceChangeListener {

    @ObjectClassDefinition(
            name = "Newsfeed origin cache",
            description = "Public answers as rendered, kept in memory until anything they are made of changes on any"
                    + " instance of the cluster (or a scheduled article goes live, or comments close). Anonymous"
                    + " GET and HEAD of the read API only.")
    public @interface Config {
        @AttributeDefinition(name = "Answers kept", description = "At most this many answers; 0 turns it off.")
        int cache_entries() default 10_000;

        @AttributeDefinition(name = "Megabytes", description = "At most this many megabytes of answers.")
        int cache_megabytes() default 64;

        @AttributeDefinition(
                name = "Answered before Sling for (ms)",
                description = "A stored answer that an anonymous reader without credentials, cookies or Origin got"
                        + " through Sling is given to the same URL before Sling's authentication and resolution for"
                        + " this long after; then one request goes through Sling again to confirm it. Content changes"
                        + " end it at once (like every stored answer); this bounds how long a change Sling sees but"
                        + " this cache cannot hear (access control outside the sites, authentication settings) takes."
                        + " 0: every answer goes through Sling.")
        int front_confirm_ms() default 1000;
    }

    /**
     * Set on a write request that changed nothing public (a pending comment): the write does not make stored answers
     * old. Every other successful write does, at once, so that whoever wrote reads what they wrote from this instance.
     */
    public static final String PUBLIC_UNCHANGED = "dev.newsfeed.publicUnchanged";

    private static final Logger log = LoggerFactory.getLogger(OriginCache.class);

    private volatile AnswerCache cache = new AnswerCache(0, 0, 0);
    private volatile long frontWindow;

    @Activate
    @Modified
    void activate(Config config) {
        cache = new AnswerCache(
                config.cache_entries(), config.cache_megabytes() * 1024L * 1024L, cache.generation() + 1);
        frontWindow = Math.max(0, config.front_confirm_ms()) * 1_000_000L;
        log.info("Origin cache: {} answers, {} MB", config.cache_entries(), config.cache_megabytes());
    }

    public boolean enabled() {
        return cache.enabled();
    }

    /** The generation to store an answer with: read it before reading the content. */
    public long generation() {
        return cache.generation();
    }

    public @Nullable AnswerCache.Entry get(String key, Instant now) {
        return cache.get(key, now);
    }

    /**
     * The stored answer to give before Sling ({@link OriginCacheFront}): valid, and confirmed through Sling within the
     * configured window; else null.
     */
    public @Nullable AnswerCache.Entry front(String key, Instant now) {
        long window = frontWindow;
        return window > 0 ? cache.confirmed(key, now, System.nanoTime(), window) : null;
    }

    /**
     * A stored answer just given through Sling: when the request is one the front may answer ({@link
     * OriginCacheFront#eligible}), it confirms the answer for the front with the headers set on {@code response} so far.
     * Nothing to do while the front is off.
     */
    public void confirm(AnswerCache.Entry stored, HttpServletRequest request, HttpServletResponse response) {
        if (frontWindow > 0 && OriginCacheFront.eligible(request)) {
            stored.confirmation().confirm(OriginCacheFront.envelope(response), System.nanoTime());
        }
    }

    /**
     * The key of an answer: the base URL it is answered for, the host and port the reader asked (a virtual host may
     * map the same path elsewhere) and the request target as the reader sent it.
     */
    public static String key(String base, HttpServletRequest request) {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        StringBuilder key = new StringBuilder(base.length() + uri.length() + 96)
                .append(base)
                .append(' ')
                .append(request.getServerName())
                .append(':')
                .append(request.getServerPort())
                .append(' ')
                .append(uri);
        if (query != null) {
            key.append('?').append(query);
        }
        return key.toString();
    }

    public void put(String key, PublicDocument document, long generation, Instant rendered) {
        cache.put(key, document, generation, rendered);
    }

    /** Something public changed: no stored answer is served again. */
    public void bump() {
        cache.bump();
    }

    public Map<String, Long> stats() {
        return cache.stats();
    }

    @Override
    public void onChange(List<ResourceChange> changes) {
        if (!changes.isEmpty()) {
            cache.bump();
        }
    }
}
