package dev.newsfeed.impl.changes;

import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * Decides what a write changed for readers: compares an article with what the {@link ChangeRegistry} remembers and
 * appends to the {@link ChangeLog} only for a real change, so the same write seen twice (by the authoring endpoint and
 * by the listener) is one change; with the surrogate keys each change makes stale. Nothing here commits.
 */
public final class ChangeRecorder {

    private ChangeRecorder() {}

    /** Registers the article at {@code path} (if it is one) and logs what changed for readers; null for nothing. */
    public static @Nullable Change trackArticle(
            ResourceResolver resolver, SiteSettings site, Resource resource, Instant now) throws PersistenceException {
        if (!resource.isResourceType(RT_ARTICLE)) {
            return null;
        }
        RegisteredArticle after = RegisteredArticle.of(Article.from(resource));
        RegisteredArticle before = ChangeRegistry.registered(resolver, site, after.id());
        if (before != null && before.equals(after)) {
            return null;
        }
        ChangeRegistry.register(resolver, site, before, after, now);
        Change.Type type = type(before, after, now);
        if (type == null) {
            return null;
        }
        // an unpublished article is reported at the address readers knew, not at its draft's
        String path = type == Change.Type.UNPUBLISHED ? before.path() : after.path();
        return ChangeLog.append(resolver, site, type, after.id(), path, -1, now, keys(site, before, after, now));
    }

    /** A path that no longer exists: its article (if registered) moved or was deleted. */
    public static List<Change> trackRemoved(ResourceResolver resolver, SiteSettings site, String path, Instant now)
            throws PersistenceException, RepositoryException {
        List<Change> changes = new ArrayList<>();
        Resource mapped = resolver.getResource(ChangeRegistry.pathEntry(site, path));
        if (mapped == null) {
            return changes;
        }
        List<String> ids = new ArrayList<>();
        ChangeRegistry.collectIds(mapped, ids);
        Session session = Objects.requireNonNull(resolver.adaptTo(Session.class));
        for (String id : ids) {
            Resource moved = ChangeRegistry.findById(resolver, session, id);
            if (moved != null) {
                Change c = trackArticle(resolver, site, moved, now);
                if (c != null) {
                    changes.add(c);
                }
                continue;
            }
            Change deleted = trackDeleted(resolver, site, id, now);
            if (deleted != null) {
                changes.add(deleted);
            }
        }
        Resource stale = resolver.getResource(ChangeRegistry.pathEntry(site, path));
        if (stale != null) {
            resolver.delete(stale);
        }
        return changes;
    }

    /** A registered article that is gone: unregistered, and a deletion for readers who could see it. */
    private static @Nullable Change trackDeleted(ResourceResolver resolver, SiteSettings site, String id, Instant now)
            throws PersistenceException {
        RegisteredArticle before = ChangeRegistry.registered(resolver, site, id);
        if (before == null) {
            return null;
        }
        ChangeRegistry.unregister(resolver, site, before);
        if (!before.visibleAt(now)) {
            return null;
        }
        return ChangeLog.append(
                resolver, site, Change.Type.DELETED, id, before.path(), -1, now, keys(site, before, null, now));
    }

    /** The approved count of an article's comments changed. */
    public static @Nullable Change trackComments(
            ResourceResolver resolver, SiteSettings site, String articleId, long count, Instant now)
            throws PersistenceException {
        Resource entry = resolver.getResource(ChangeRegistry.articleEntry(site, articleId));
        if (entry == null) {
            return null;
        }
        ModifiableValueMap props = Objects.requireNonNull(entry.adaptTo(ModifiableValueMap.class));
        if (props.get("comments", -1L) == count) {
            return null;
        }
        props.put("comments", count);
        props.put("writer", java.util.UUID.randomUUID().toString());
        Set<String> keys =
                new LinkedHashSet<>(List.of(SurrogateKeys.comments(articleId), SurrogateKeys.changes(site.path())));
        return ChangeLog.append(
                resolver, site, Change.Type.COMMENTS, articleId, props.get("path", String.class), count, now, keys);
    }

    /**
     * Scheduled articles that went live between the last check and {@code now}: no write marks that moment, so a
     * periodic check logs them (as created) from the registry of the day folders the index names. Each once, however
     * many checks run at once: see the claim below.
     */
    public static List<Change> trackGoingLive(
            ResourceResolver resolver, SiteSettings site, List<Resource> wentLive, Instant now)
            throws PersistenceException {
        List<Change> changes = new ArrayList<>();
        for (Resource article : wentLive) {
            RegisteredArticle state = ChangeRegistry.registered(
                    resolver, site, Article.from(article).id());
            if (state == null || state.published() == null || state.published() > now.toEpochMilli()) {
                continue;
            }
            String marker = ChangeRegistry.articleEntry(site, state.id());
            ModifiableValueMap props =
                    Objects.requireNonNull(resolver.getResource(marker).adaptTo(ModifiableValueMap.class));
            if (state.published().equals(props.get("liveLogged", Long.class))) {
                continue;
            }
            props.put("liveLogged", state.published());
            // the claim: Oak merges two identical concurrent writes silently, so two checks at once (an old leader's
            // run still under way when a new leader's starts) would both log it; a value unique to this commit makes
            // the second conflict, and its repeat finds the article claimed
            props.put("writer", java.util.UUID.randomUUID().toString());
            changes.add(ChangeLog.append(
                    resolver,
                    site,
                    Change.Type.CREATED,
                    state.id(),
                    state.path(),
                    -1,
                    Instant.ofEpochMilli(state.published()),
                    keys(site, null, state, now)));
        }
        return changes;
    }

    private static @Nullable Change.Type type(
            @Nullable RegisteredArticle before, RegisteredArticle after, Instant now) {
        boolean was = before != null && before.visibleAt(now);
        boolean is = after.visibleAt(now);
        if (!was && is) {
            return Change.Type.CREATED;
        }
        if (was && !is) {
            return Change.Type.UNPUBLISHED;
        }
        return was ? Change.Type.UPDATED : null;
    }

    /** Exactly the keys a change makes stale: the article, and the listings and calendars of its old and new day. */
    static Set<String> keys(
            SiteSettings site, @Nullable RegisteredArticle before, @Nullable RegisteredArticle after, Instant now) {
        Set<String> keys = new LinkedHashSet<>();
        String id = after != null ? after.id() : before.id();
        keys.add(SurrogateKeys.article(id));
        LocalDate oldDay = before == null ? null : ArchiveClerk.dayOf(site, before.path());
        LocalDate newDay = after == null ? null : ArchiveClerk.dayOf(site, after.path());
        boolean wasVisible = before != null && before.visibleAt(now);
        boolean isVisible = after != null && after.visibleAt(now);
        if (oldDay != null && wasVisible) {
            keys.addAll(SurrogateKeys.listings(site.path(), oldDay));
        }
        if (newDay != null && isVisible) {
            keys.addAll(SurrogateKeys.listings(site.path(), newDay));
        }
        if (wasVisible != isVisible || (wasVisible && !Objects.equals(oldDay, newDay))) {
            keys.add(SurrogateKeys.calendar(site.path())); // counts, and maybe the nearest-month links
        }
        keys.add(SurrogateKeys.changes(site.path()));
        return keys;
    }
}
