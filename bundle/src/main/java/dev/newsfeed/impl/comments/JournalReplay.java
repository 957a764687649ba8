package dev.newsfeed.impl.comments;

import java.time.Instant;
import java.util.List;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;

/**
 * Compares journal entries with the repository: puts back the comments and moderations it lost (a JVM killed before
 * TarMK flushed its head), and tells compaction which entries the repository still lacks.
 */
final class JournalReplay {

    /** What a replay put back. */
    record Result(int restored, int remoderated) {}

    private JournalReplay() {}

    /**
     * Puts back, in journal order, every journaled comment the repository does not have and every moderation that
     * still applies (the comment still has the status it had before), in one commit: readers and moderators see the
     * repository as it was or with all of it back, never a list that grows while they read it.
     */
    static Result replay(ResourceResolver resolver, List<CommentJournal.Entry> entries)
            throws PersistenceException, RepositoryException {
        return Retry.commit(resolver, r -> {
            int restored = 0;
            int remoderated = 0;
            for (CommentJournal.Entry entry : entries) {
                Resource siteResource = r.getResource(entry.site());
                if (siteResource == null) {
                    continue;
                }
                SiteSettings site = SiteSettings.from(siteResource);
                if (entry.isModeration()) {
                    remoderated += reapply(r, site, entry) ? 1 : 0;
                } else {
                    restored += restore(r, site, entry) ? 1 : 0;
                }
            }
            return new Result(restored, remoderated);
        });
    }

    /** Whether the repository lacks the effect of an entry (compaction keeps those). */
    static boolean missing(ResourceResolver resolver, CommentJournal.Entry entry) {
        Resource site = resolver.getResource(entry.site());
        if (site == null) {
            return false;
        }
        SiteSettings settings = SiteSettings.from(site);
        return entry.isModeration()
                ? pendingModeration(resolver, settings, entry)
                : CommentStore.find(resolver, settings, entry.id()) == null;
    }

    /** Stores a journaled comment unless the repository has it (or its duplicate). */
    private static boolean restore(ResourceResolver resolver, SiteSettings site, CommentJournal.Entry entry)
            throws PersistenceException {
        CommentRecord record = entry.record();
        if (CommentStore.find(resolver, site, record.id()) != null
                || CommentStore.isDuplicate(resolver, site, entry.duplicate())) {
            return false;
        }
        CommentStore.add(resolver, site, record, entry.duplicate(), record.created());
        return true;
    }

    /** Whether a journaled moderation still applies (the comment has the status it had before), and applies it. */
    private static boolean reapply(ResourceResolver resolver, SiteSettings site, CommentJournal.Entry entry)
            throws PersistenceException, RepositoryException {
        if (!pendingModeration(resolver, site, entry)) {
            return false;
        }
        CommentStatus target = CommentStatus.of(entry.status());
        return target != null
                && CommentStore.moderate(
                                resolver,
                                site,
                                entry.id(),
                                target,
                                entry.moderator(),
                                Instant.ofEpochMilli(entry.moderatedAt()))
                        != null;
    }

    private static boolean pendingModeration(ResourceResolver resolver, SiteSettings site, CommentJournal.Entry entry) {
        Resource current = CommentStore.find(resolver, site, entry.id());
        return current != null && CommentStatus.of(entry.moderatedFrom()) == CommentStore.status(current);
    }
}
