package dev.newsfeed.impl.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    }

    /**
     * Set on a write request that changed nothing public (a pending comment): the write does not make stored answers
     * old. Every other successful write does, at once, so that whoever wrote reads what they wrote from this instance.
     */
    public static final String PUBLIC_UNCHANGED = "dev.newsfeed.publicUnchanged";

    private static final Logger log = LoggerFactory.getLogger(OriginCache.class);

    private volatile AnswerCache cache = new AnswerCache(0, 0, 0);

    @Activate
    @Modified
    void activate(Config config) {
        cache = new AnswerCache(
                config.cache_entries(), config.cache_megabytes() * 1024L * 1024L, cache.generation() + 1);
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
