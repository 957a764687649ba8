package dev.newsfeed.impl.comments;

import static dev.newsfeed.impl.comments.CommentStore.NODE;
import static dev.newsfeed.impl.comments.CommentStore.UNORDERED;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;

/**
 * New comments that one commit stores together (group commit): the folders they go into are looked up once, and
 * their counts are added once per site and status, to one counter shard, when the batch is {@link #finish() finished}.
 * Per comment this leaves two new nodes (its duplicate marker and itself), plus its public copy when approved. Nothing
 * here commits; a batch serves one attempt of {@link dev.newsfeed.impl.repository.Retry#commit} and is not reused
 * after a revert.
 */
final class CommentBatch {

    /** A count to add: the site, the status and how many. */
    private record Delta(SiteSettings site, CommentStatus status, long delta) {}

    private final ResourceResolver resolver;
    private final Map<String, Resource> folders = new HashMap<>();
    private final Map<String, Delta> counts = new LinkedHashMap<>();

    CommentBatch(ResourceResolver resolver) {
        this.resolver = resolver;
    }

    /** Stores a new comment (and its public copy when approved); its count is added by {@link #finish()}. */
    void add(SiteSettings site, CommentRecord record, String duplicateHash, Instant now) throws PersistenceException {
        resolver.create(folder(CommentStore.privateRoot(site) + "/dedup"), duplicateHash, duplicateMarker(record));
        Resource bucket = folder(CommentStore.bucketPath(site, record.status(), CommentIds.day(record.id())));
        resolver.create(bucket, record.id(), record.properties(NODE));
        counts.merge(
                site.path() + '/' + record.status().key(),
                new Delta(site, record.status(), 1),
                (a, b) -> new Delta(a.site(), a.status(), a.delta() + b.delta()));
        if (record.status() == CommentStatus.APPROVED) {
            PublicCopy.publish(resolver, site, record, now);
        }
    }

    /** Adds the counts of the comments stored so far (one shard per site and status). */
    void finish() throws PersistenceException {
        for (Delta d : counts.values()) {
            StatusCounters.add(resolver, d.site(), d.status(), d.delta());
        }
        counts.clear();
    }

    /** The node that makes a second, equal submission a duplicate: it names the comment (whose id holds its time). */
    private static Map<String, Object> duplicateMarker(CommentRecord record) {
        Map<String, Object> marker = new HashMap<>(NODE);
        marker.put("id", record.id());
        return marker;
    }

    private Resource folder(String path) throws PersistenceException {
        Resource folder = folders.get(path);
        if (folder == null) {
            folder = ResourceUtil.getOrCreateResource(resolver, path, NODE, UNORDERED, false);
            folders.put(path, folder);
        }
        return folder;
    }
}
