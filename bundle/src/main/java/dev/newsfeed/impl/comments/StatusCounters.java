package dev.newsfeed.impl.comments;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.jetbrains.annotations.Nullable;

/**
 * A site's comment count per status ({@code /var/newsfeed/comments{site}/counts/{status}}), split over
 * {@value #SHARDS} child counters that each submission picks at random: every comment of a site changes its status
 * count, and on a DocumentNodeStore concurrent commits that change the same node conflict and are merged again one by
 * one (measured on two nodes on PostgreSQL: 16 readers posting at once got 0.4 comments/s answered with one counter).
 * Each shard is an Oak atomic counter; the status count is the parent's own counter (where repairs add their
 * difference, {@link OakCounters}) plus its shards'.
 */
final class StatusCounters {

    static final int SHARDS = 16;
    static final String SHARD_PREFIX = "shard-";

    private StatusCounters() {}

    static String path(SiteSettings site, CommentStatus status) {
        return CommentStore.privateRoot(site) + "/counts/" + status.key();
    }

    static boolean isStatusCounter(String path) {
        return path.contains("/counts/");
    }

    /** Adds {@code delta} to a random shard of the status count, creating what is missing. Nothing commits. */
    static void add(ResourceResolver resolver, SiteSettings site, CommentStatus status, long delta)
            throws PersistenceException {
        String shard = path(site, status) + "/" + SHARD_PREFIX
                + ThreadLocalRandom.current().nextInt(SHARDS);
        ResourceUtil.getOrCreateResource(
                resolver, path(site, status), CommentStore.COUNTER, CommentStore.UNORDERED, false);
        Resource counter =
                ResourceUtil.getOrCreateResource(resolver, shard, CommentStore.COUNTER, CommentStore.UNORDERED, false);
        increment(counter, delta);
    }

    /** The parent's counter plus its shards' (unclamped: a repair may have left the parent below 0). */
    static long value(@Nullable Resource counter) {
        if (counter == null) {
            return 0;
        }
        long total = counter.getValueMap().get(CommentStore.PN_COUNTER, 0L);
        for (Resource child : counter.getChildren()) {
            if (child.getName().startsWith(SHARD_PREFIX)) {
                total += child.getValueMap().get(CommentStore.PN_COUNTER, 0L);
            }
        }
        return total;
    }

    /** Adds 0 to the parent and every shard: Oak folds each one's per-instance parts again. Nothing commits. */
    static void nudge(Resource counter) {
        increment(counter, 0);
        for (Resource child : counter.getChildren()) {
            if (child.getName().startsWith(SHARD_PREFIX)) {
                ModifiableValueMap props = child.adaptTo(ModifiableValueMap.class);
                if (props != null) {
                    props.put(CommentStore.PN_INCREMENT, 0L);
                }
            }
        }
    }

    /**
     * Adds {@code delta} to what this session's commit will add to the counter: several comments stored in one
     * commit (group commit) add up, where a second {@code oak:increment} alone would replace the first.
     */
    static void increment(Resource counter, long delta) {
        Objects.requireNonNull(counter.adaptTo(ModifiableValueMap.class))
                .put(CommentStore.PN_INCREMENT, pendingIncrement(counter) + delta);
    }

    /** The increment this session already set on the counter and has not committed yet; 0 when none. */
    private static long pendingIncrement(Resource counter) {
        javax.jcr.Node node = counter.adaptTo(javax.jcr.Node.class);
        try {
            if (node != null && node.hasProperty(CommentStore.PN_INCREMENT)) {
                javax.jcr.Property p = node.getProperty(CommentStore.PN_INCREMENT);
                return p.isNew() || p.isModified() ? p.getLong() : 0;
            }
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException("cannot read the pending increment of " + counter.getPath(), e);
        }
        return 0;
    }
}
