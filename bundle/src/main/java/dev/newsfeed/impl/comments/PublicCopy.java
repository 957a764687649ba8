package dev.newsfeed.impl.comments;

import static dev.newsfeed.impl.comments.CommentStore.COUNTER;
import static dev.newsfeed.impl.comments.CommentStore.NN_PUBLIC;
import static dev.newsfeed.impl.comments.CommentStore.NODE;
import static dev.newsfeed.impl.comments.CommentStore.PN_ARTICLE_PATH;
import static dev.newsfeed.impl.comments.CommentStore.PN_AUTHOR;
import static dev.newsfeed.impl.comments.CommentStore.PN_DEPTH;
import static dev.newsfeed.impl.comments.CommentStore.PN_PARENT;
import static dev.newsfeed.impl.comments.CommentStore.PN_PUBLISHED;
import static dev.newsfeed.impl.comments.CommentStore.PN_TEXT;
import static dev.newsfeed.impl.comments.CommentStore.PN_UPDATED;
import static dev.newsfeed.impl.comments.CommentStore.PN_URL;
import static dev.newsfeed.impl.comments.CommentStore.RT_THREAD;
import static dev.newsfeed.impl.comments.CommentStore.threadPath;
import static dev.newsfeed.impl.comments.StatusCounters.increment;
import static dev.newsfeed.impl.content.ContentModel.PN_RESOURCE_TYPE;
import static dev.newsfeed.impl.content.ContentModel.RT_COMMENT;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;

/**
 * The public copy of an approved comment in its article's thread ({@code {site}/comments/{articleId}/{id}}: author,
 * url, published, text as HTML, nothing private), and the thread's counter and last change, which follow every copy
 * added or removed. Like {@link CommentStore}, nothing here commits.
 */
final class PublicCopy {

    private PublicCopy() {}

    static void publish(ResourceResolver resolver, SiteSettings site, CommentRecord record, Instant now)
            throws PersistenceException {
        Resource thread = thread(resolver, site, record);
        if (thread.getChild(record.id()) == null) {
            Map<String, Object> props = new HashMap<>(NODE);
            props.put(PN_RESOURCE_TYPE, RT_COMMENT);
            props.put(PN_AUTHOR, record.author());
            if (record.url() != null) {
                props.put(PN_URL, record.url());
            }
            props.put(PN_PUBLISHED, Dates.calendar(record.created()));
            props.put(PN_TEXT, record.html());
            props.put(PN_DEPTH, record.depth());
            if (record.parent() != null) {
                props.put(PN_PARENT, record.parent());
            }
            resolver.create(thread, record.id(), props);
        }
        recount(thread, now, +1);
    }

    static void unpublish(ResourceResolver resolver, SiteSettings site, CommentRecord record, Instant now)
            throws PersistenceException {
        Resource thread = thread(resolver, site, record);
        Resource published = thread.getChild(record.id());
        if (published != null) {
            resolver.delete(published);
            recount(thread, now, -1);
        }
    }

    private static Resource thread(ResourceResolver resolver, SiteSettings site, CommentRecord record)
            throws PersistenceException {
        Map<String, Object> folder = new HashMap<>(NODE);
        folder.put(PN_RESOURCE_TYPE, RT_THREAD);
        ResourceUtil.getOrCreateResource(resolver, site.path() + "/" + NN_PUBLIC, folder, null, false);
        Map<String, Object> counter = new HashMap<>(folder);
        counter.putAll(COUNTER);
        Resource thread =
                ResourceUtil.getOrCreateResource(resolver, threadPath(site, record.articleId()), counter, null, false);
        ModifiableValueMap props = Objects.requireNonNull(thread.adaptTo(ModifiableValueMap.class));
        props.put(PN_ARTICLE_PATH, record.articlePath());
        return thread;
    }

    private static void recount(Resource thread, Instant now, long delta) {
        increment(thread, delta);
        Objects.requireNonNull(thread.adaptTo(ModifiableValueMap.class)).put(PN_UPDATED, Dates.calendar(now));
    }
}
