package dev.newsfeed.impl.comments;

import static dev.newsfeed.impl.content.ContentModel.RT_COMMENT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * Where comments live. Privacy comes from placement, not from filtering output:
 * <pre>
 * /var/newsfeed/comments{site}/{status}/yyyy/MM/dd/{id}   every comment with email, client hash, original text:
 *                                                      readable by moderators and the service user only
 * /var/newsfeed/comments{site}/dedup/{hash}             one node per (article, author, text): duplicates collide;
 *                                                      it names the comment ({@code id})
 * /var/newsfeed/comments{site}/counts/{status}/shard-N  atomic counters per status, in shards
 * {site}/comments/{articleId}                           public thread of an article: atomic counter, updated
 * {site}/comments/{articleId}/{id}                      an approved comment: author, url, published, text (HTML)
 * </pre>
 * A comment moves between status folders when moderated; only an approved one has a public copy. Nothing here
 * commits: callers run it in {@link dev.newsfeed.impl.repository.Retry#commit}, so a merge conflict repeats the whole
 * step; counts are Oak atomic counters, which never conflict.
 */
public final class CommentStore {

    public static final String ROOT = "/var/newsfeed/comments";
    public static final String NN_PUBLIC = "comments";
    public static final String RT_THREAD = "newsfeed/comments";

    static final String PN_STATUS = "status";
    static final String PN_ARTICLE_ID = "articleId";
    static final String PN_ARTICLE_PATH = "articlePath";
    static final String PN_ARTICLE_TITLE = "articleTitle";
    static final String PN_AUTHOR = "author";
    static final String PN_EMAIL = "email";
    static final String PN_URL = "url";
    static final String PN_TEXT = "text";
    static final String PN_HTML = "html";
    static final String PN_PARENT = "parent";
    static final String PN_DEPTH = "depth";
    static final String PN_CREATED = "created";
    static final String PN_CLIENT = "clientHash";
    static final String PN_REASON = "reason";
    static final String PN_PUBLISHED = "published";
    static final String PN_COUNT = "count";
    static final String PN_UPDATED = "updated";
    static final String PN_MODERATED_BY = "moderatedBy";
    static final String PN_MODERATED = "moderated";
    static final String PN_COUNTER = "oak:counter";
    static final String PN_INCREMENT = "oak:increment";

    /**
     * {@code oak:Unstructured}, not the orderable {@code nt:unstructured}: an orderable parent rewrites its whole list of
     * child names on every added child, which made each new comment in a busy bucket slower than the last.
     */
    static final String UNORDERED = "oak:Unstructured";

    static final Map<String, Object> NODE = Map.of("jcr:primaryType", UNORDERED);
    static final Map<String, Object> COUNTER =
            Map.of("jcr:primaryType", UNORDERED, "jcr:mixinTypes", new String[] {"mix:atomicCounter"});

    private CommentStore() {}

    /** An approved comment as shown to readers. */
    public record Published(
            String id, String author, @Nullable String url, Instant published, String html, @Nullable String parent) {

        static Published from(Resource resource) {
            ValueMap p = resource.getValueMap();
            return new Published(
                    resource.getName(),
                    p.get(PN_AUTHOR, ""),
                    p.get(PN_URL, String.class),
                    p.get(PN_PUBLISHED, Calendar.class).toInstant(),
                    p.get(PN_TEXT, ""),
                    p.get(PN_PARENT, String.class));
        }
    }

    public static String privateRoot(SiteSettings site) {
        return ROOT + site.path();
    }

    public static String threadPath(SiteSettings site, String articleId) {
        return site.path() + "/" + NN_PUBLIC + "/" + articleId;
    }

    /** Whether a comment with this duplicate hash exists for the site. */
    public static boolean isDuplicate(ResourceResolver resolver, SiteSettings site, String hash) {
        return resolver.getResource(privateRoot(site) + "/dedup/" + hash) != null;
    }

    /** An approved comment of an article, or null. */
    public static @Nullable Resource published(
            ResourceResolver resolver, SiteSettings site, String articleId, String id) {
        return resolver.getResource(threadPath(site, articleId) + "/" + id);
    }

    /** Stores a new comment (and its public copy when approved) and counts it. */
    public static void add(
            ResourceResolver resolver, SiteSettings site, CommentRecord record, String duplicateHash, Instant now)
            throws PersistenceException {
        CommentBatch batch = new CommentBatch(resolver);
        batch.add(site, record, duplicateHash, now);
        batch.finish();
    }

    /** A moderation's outcome: the status the comment had, and the comment after the change. */
    public record Moderated(CommentStatus from, CommentRecord after) {}

    /**
     * Moves a comment to another status: its public copy appears on approval and disappears otherwise, counts
     * follow. Returns the status it had and the record after the change, or null when there is no comment with this
     * id.
     */
    public static @Nullable Moderated moderate(
            ResourceResolver resolver,
            SiteSettings site,
            String id,
            CommentStatus target,
            String moderator,
            Instant now)
            throws PersistenceException, RepositoryException {
        Resource current = find(resolver, site, id);
        if (current == null) {
            return null;
        }
        CommentRecord record = CommentRecord.from(current);
        if (record.status() == target) {
            return new Moderated(record.status(), record);
        }
        Resource bucket = bucket(resolver, site, target, CommentIds.day(id));
        Session session = Objects.requireNonNull(resolver.adaptTo(Session.class));
        String oldParent = current.getParent().getPath();
        session.move(current.getPath(), bucket.getPath() + "/" + id);
        Resource moved = resolver.getResource(bucket.getPath() + "/" + id);
        ModifiableValueMap props = Objects.requireNonNull(moved.adaptTo(ModifiableValueMap.class));
        props.remove(PN_STATUS); // the folder says it (comments stored before 1.2 carry the property)
        props.put(PN_MODERATED_BY, moderator);
        props.put(PN_MODERATED, Dates.calendar(now));
        removeEmptyBuckets(resolver, site, oldParent);
        count(resolver, site, record.status(), -1);
        count(resolver, site, target, +1);
        CommentRecord after = CommentRecord.from(moved);
        if (target == CommentStatus.APPROVED) {
            PublicCopy.publish(resolver, site, after, now);
        } else if (record.status() == CommentStatus.APPROVED) {
            PublicCopy.unpublish(resolver, site, after, now);
        }
        return new Moderated(record.status(), after);
    }

    /**
     * The status of a stored comment: the name of its status folder ({@code {status}/yyyy/MM/dd/{id}}), which is where
     * moderation moves it. No {@code status} property is stored: Sling's starter keeps a synchronous property index on
     * that name, and its entry cost every comment a second path in the index. A node outside the folders falls back to
     * the property older versions wrote.
     */
    static CommentStatus status(Resource comment) {
        String folder = ResourceUtil.getParent(comment.getPath(), 4);
        CommentStatus placed = folder == null ? null : CommentStatus.of(ResourceUtil.getName(folder));
        if (placed != null) {
            return placed;
        }
        CommentStatus stored = CommentStatus.of(comment.getValueMap().get(PN_STATUS, String.class));
        return stored == null ? CommentStatus.PENDING : stored;
    }

    /** The stored comment with this id, whatever its status, or null. */
    public static @Nullable Resource find(ResourceResolver resolver, SiteSettings site, String id) {
        LocalDate day = CommentIds.day(id);
        if (day == null) {
            return null;
        }
        for (CommentStatus status : CommentStatus.values()) {
            Resource r = resolver.getResource(bucketPath(site, status, day) + "/" + id);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** Counts per status for a site. */
    public static Map<String, Long> counts(ResourceResolver resolver, SiteSettings site) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(
                    status.key(),
                    Math.max(0, StatusCounters.value(resolver.getResource(StatusCounters.path(site, status)))));
        }
        return counts;
    }

    /** The approved comments of an article, in no particular order. */
    public static List<Published> thread(ResourceResolver resolver, SiteSettings site, String articleId) {
        List<Published> list = new ArrayList<>();
        Resource thread = resolver.getResource(threadPath(site, articleId));
        if (thread != null) {
            for (Resource child : thread.getChildren()) {
                if (child.isResourceType(RT_COMMENT)) {
                    list.add(Published.from(child));
                }
            }
        }
        return list;
    }

    /** Number of approved comments of an article, from its thread node (one read). */
    public static long approvedCount(ResourceResolver resolver, SiteSettings site, String articleId) {
        return counterValue(resolver.getResource(threadPath(site, articleId)));
    }

    /**
     * A value that changes whenever the public thread of an article changes (its count and its last change), or null
     * when it has no thread: lets a reader cache the thread and check it with one read.
     */
    public static @Nullable String threadVersion(ResourceResolver resolver, SiteSettings site, String articleId) {
        Resource thread = resolver.getResource(threadPath(site, articleId));
        if (thread == null) {
            return null;
        }
        Calendar updated = thread.getValueMap().get(PN_UPDATED, Calendar.class);
        return counterValue(thread) + ":" + (updated == null ? 0 : updated.getTimeInMillis());
    }

    /** What readers see of an article's thread, read once: its approved count and its last change (or null). */
    public record ThreadState(long approved, @Nullable Instant updated) {}

    public static ThreadState threadState(ResourceResolver resolver, SiteSettings site, String articleId) {
        Resource thread = resolver.getResource(threadPath(site, articleId));
        Calendar updated = thread == null ? null : thread.getValueMap().get(PN_UPDATED, Calendar.class);
        return new ThreadState(counterValue(thread), updated == null ? null : updated.toInstant());
    }

    static String bucketPath(SiteSettings site, CommentStatus status, LocalDate day) {
        return privateRoot(site) + "/" + status.key() + "/" + Dates.dayPath(day);
    }

    private static Resource bucket(ResourceResolver resolver, SiteSettings site, CommentStatus status, LocalDate day)
            throws PersistenceException {
        return ResourceUtil.getOrCreateResource(resolver, bucketPath(site, status, day), NODE, UNORDERED, false);
    }

    private static void removeEmptyBuckets(ResourceResolver resolver, SiteSettings site, String path)
            throws PersistenceException {
        Resource folder = resolver.getResource(path);
        int depth = 0;
        while (folder != null && depth < 3 && !folder.hasChildren()) {
            Resource parent = folder.getParent();
            resolver.delete(folder);
            folder = parent;
            depth++;
        }
    }

    /**
     * Counts are Oak atomic counters ({@code mix:atomicCounter}), the status counts split in shards
     * ({@link StatusCounters}): a commit adds its delta as {@code oak:increment} and
     * Oak folds it in when the commit is applied, so concurrent submissions never conflict on a count and no delta is
     * lost (a plain read-increment-write would lose some: Oak merges two concurrent writes of the same value
     * silently). On a DocumentNodeStore each cluster instance keeps its own shard, folded into the total later and
     * not at all when the JVM dies first: {@link CountKeeper} compares the counts with the stored comments and
     * repairs them.
     */
    private static void count(ResourceResolver resolver, SiteSettings site, CommentStatus status, long delta)
            throws PersistenceException {
        StatusCounters.add(resolver, site, status, delta);
    }

    private static long counterValue(@Nullable Resource counter) {
        return counter == null ? 0 : Math.max(0, counter.getValueMap().get(PN_COUNTER, 0L));
    }
}
