package dev.newsfeed.impl.changes;

import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.comments.CommentIds;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * What changed for readers, kept in the repository so every cluster instance and the changes feed see it:
 * <pre>
 * /var/newsfeed/changes{site}/articles/{id}         what readers last could see of each article (path, published, hash)
 * /var/newsfeed/changes{site}/paths/{site-relative path}   id, so a deleted node's article is known
 * /var/newsfeed/changes{site}/log/yyyy/MM/dd/HH/{entry}     the changes, in time order (entry ids sort by time)
 * </pre>
 * Each step compares an article with what was registered and writes a log entry only for a real change, so the
 * same write seen twice (by the authoring endpoint and by the listener) is one change. Nothing here commits.
 */
public final class ChangeLog {

    public static final String ROOT = "/var/newsfeed/changes";
    private static final String NODE_TYPE = "oak:Unstructured";
    private static final Map<String, Object> NODE = Map.of("jcr:primaryType", NODE_TYPE);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu/MM/dd/HH").withZone(ZoneOffset.UTC);

    private ChangeLog() {}

    public static String root(SiteSettings site) {
        return ROOT + site.path();
    }

    /** Registers the article at {@code path} (if it is one) and logs what changed for readers; null for nothing. */
    public static @Nullable Change trackArticle(ResourceResolver resolver, SiteSettings site, Resource resource,
            Instant now) throws PersistenceException {
        if (!resource.isResourceType(RT_ARTICLE)) {
            return null;
        }
        ArticleState after = ArticleState.of(Article.from(resource));
        ArticleState before = registered(resolver, site, after.id());
        if (before != null && before.equals(after)) {
            return null;
        }
        register(resolver, site, before, after, now);
        Change.Type type = type(before, after, now);
        if (type == null) {
            return null;
        }
        // an unpublished article is reported at the address readers knew, not at its draft's
        String path = type == Change.Type.UNPUBLISHED ? before.path() : after.path();
        return log(resolver, site, type, after.id(), path, -1, now, keys(site, before, after, now));
    }

    /** A path that no longer exists: its article (if registered) moved or was deleted. */
    public static List<Change> trackRemoved(ResourceResolver resolver, SiteSettings site, String path, Instant now)
            throws PersistenceException, RepositoryException {
        List<Change> changes = new ArrayList<>();
        Resource mapped = resolver.getResource(pathEntry(site, path));
        if (mapped == null) {
            return changes;
        }
        List<String> ids = new ArrayList<>();
        collectIds(mapped, ids);
        Session session = Objects.requireNonNull(resolver.adaptTo(Session.class));
        for (String id : ids) {
            Resource moved = findById(resolver, session, id);
            if (moved != null) {
                Change c = trackArticle(resolver, site, moved, now);
                if (c != null) {
                    changes.add(c);
                }
                continue;
            }
            ArticleState before = registered(resolver, site, id);
            if (before == null) {
                continue;
            }
            unregister(resolver, site, before);
            if (before.visibleAt(now)) {
                changes.add(log(resolver, site, Change.Type.DELETED, id, before.path(), -1, now,
                        keys(site, before, null, now)));
            }
        }
        Resource stale = resolver.getResource(pathEntry(site, path));
        if (stale != null) {
            resolver.delete(stale);
        }
        return changes;
    }

    /** The approved count of an article's comments changed. */
    public static @Nullable Change trackComments(ResourceResolver resolver, SiteSettings site, String articleId,
            long count, Instant now) throws PersistenceException {
        Resource entry = resolver.getResource(articleEntry(site, articleId));
        if (entry == null) {
            return null;
        }
        ModifiableValueMap props = Objects.requireNonNull(entry.adaptTo(ModifiableValueMap.class));
        if (props.get("comments", -1L) == count) {
            return null;
        }
        props.put("comments", count);
        props.put("writer", java.util.UUID.randomUUID().toString());
        Set<String> keys = new LinkedHashSet<>(List.of(SurrogateKeys.comments(articleId),
                SurrogateKeys.changes(site.path())));
        return log(resolver, site, Change.Type.COMMENTS, articleId, props.get("path", String.class), count, now, keys);
    }

    /**
     * Scheduled articles that went live between the last check and {@code now}: no write marks that moment, so a
     * periodic check logs them (as created) from the registry of the day folders the index names.
     */
    public static List<Change> trackGoingLive(ResourceResolver resolver, SiteSettings site, List<Resource> wentLive,
            Instant now) throws PersistenceException {
        List<Change> changes = new ArrayList<>();
        for (Resource article : wentLive) {
            ArticleState state = registered(resolver, site, Article.from(article).id());
            if (state == null || state.published() == null || state.published() > now.toEpochMilli()) {
                continue;
            }
            String marker = articleEntry(site, state.id());
            ModifiableValueMap props = Objects.requireNonNull(resolver.getResource(marker)
                    .adaptTo(ModifiableValueMap.class));
            if (state.published().equals(props.get("liveLogged", Long.class))) {
                continue;
            }
            props.put("liveLogged", state.published());
            changes.add(log(resolver, site, Change.Type.CREATED, state.id(), state.path(), -1,
                    Instant.ofEpochMilli(state.published()), keys(site, null, state, now)));
        }
        return changes;
    }

    /** The entries after {@code afterEntry} (exclusive), oldest first, at most {@code limit}. */
    public static List<Map<String, Object>> read(ResourceResolver resolver, SiteSettings site, String afterEntry,
            int limit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Resource log = resolver.getResource(root(site) + "/log");
        if (log == null) {
            return entries;
        }
        String afterHour = afterEntry.substring(0, 4) + "/" + afterEntry.substring(4, 6) + "/"
                + afterEntry.substring(6, 8) + "/" + afterEntry.substring(9, 11);
        walk:
        for (Resource year : ascending(log)) {
            for (Resource month : ascending(year)) {
                for (Resource day : ascending(month)) {
                    for (Resource hour : ascending(day)) {
                        String h = year.getName() + "/" + month.getName() + "/" + day.getName() + "/" + hour.getName();
                        if (h.compareTo(afterHour) < 0) {
                            continue;
                        }
                        for (Resource entry : ascending(hour)) {
                            if (entry.getName().compareTo(afterEntry) <= 0) {
                                continue;
                            }
                            Map<String, Object> e = new HashMap<>(entry.getValueMap());
                            e.put("entry", entry.getName());
                            entries.add(e);
                            if (entries.size() >= limit) {
                                break walk;
                            }
                        }
                    }
                }
            }
        }
        return entries;
    }

    /** Deletes the log's day folders older than {@code keepFrom}; the oldest kept day. */
    public static @Nullable LocalDate prune(ResourceResolver resolver, SiteSettings site, LocalDate keepFrom)
            throws PersistenceException {
        Resource log = resolver.getResource(root(site) + "/log");
        if (log == null) {
            return null;
        }
        for (Resource year : ascending(log)) {
            for (Resource month : ascending(year)) {
                for (Resource day : ascending(month)) {
                    LocalDate d = LocalDate.of(Integer.parseInt(year.getName()), Integer.parseInt(month.getName()),
                            Integer.parseInt(day.getName()));
                    if (d.isBefore(keepFrom)) {
                        resolver.delete(day);
                    }
                }
                if (!month.hasChildren()) {
                    resolver.delete(month);
                }
            }
            if (!year.hasChildren()) {
                resolver.delete(year);
            }
        }
        return keepFrom;
    }

    private static @Nullable Change.Type type(@Nullable ArticleState before, ArticleState after, Instant now) {
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
    static Set<String> keys(SiteSettings site, @Nullable ArticleState before, @Nullable ArticleState after, Instant now) {
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

    private static Change log(ResourceResolver resolver, SiteSettings site, Change.Type type, String id,
            @Nullable String path, long comments, Instant at, Set<String> keys) throws PersistenceException {
        String entry = CommentIds.next(at);
        Resource hour = ResourceUtil.getOrCreateResource(resolver, root(site) + "/log/" + HOUR.format(at), NODE,
                NODE_TYPE, false);
        Map<String, Object> props = new HashMap<>(NODE);
        props.put("type", type.key());
        props.put("id", id);
        if (path != null) {
            props.put("path", path);
        }
        if (comments >= 0) {
            props.put("comments", comments);
        }
        props.put("at", at.toEpochMilli());
        resolver.create(hour, entry, props);
        return new Change(type, site.path(), id, path, comments, at, keys);
    }

    private static @Nullable ArticleState registered(ResourceResolver resolver, SiteSettings site, String id) {
        Resource entry = resolver.getResource(articleEntry(site, id));
        if (entry == null) {
            return null;
        }
        ValueMap p = entry.getValueMap();
        return new ArticleState(id, p.get("path", ""), p.get("published", Long.class), p.get("hash", ""));
    }

    private static void register(ResourceResolver resolver, SiteSettings site, @Nullable ArticleState before,
            ArticleState after, Instant now) throws PersistenceException {
        Resource entry = ResourceUtil.getOrCreateResource(resolver, articleEntry(site, after.id()), NODE, NODE_TYPE,
                false);
        ModifiableValueMap props = Objects.requireNonNull(entry.adaptTo(ModifiableValueMap.class));
        props.put("path", after.path());
        if (after.published() == null) {
            props.remove("published");
        } else {
            props.put("published", after.published());
        }
        props.put("hash", after.hash());
        if (after.visibleAt(now)) {
            // live when registered, so logged by this change: the going-live check must not log it again
            props.put("liveLogged", after.published());
        }
        // Oak merges two concurrent identical writes silently: a value unique to this commit makes the authoring
        // endpoint and the listener, registering the same change at once, conflict, so only one logs it
        props.put("writer", java.util.UUID.randomUUID().toString());
        if (before != null && !before.path().equals(after.path())) {
            Resource old = resolver.getResource(pathEntry(site, before.path()));
            if (old != null && after.id().equals(old.getValueMap().get("id", String.class))) {
                resolver.delete(old);
            }
        }
        Resource mapped = ResourceUtil.getOrCreateResource(resolver, pathEntry(site, after.path()), NODE, NODE_TYPE,
                false);
        Objects.requireNonNull(mapped.adaptTo(ModifiableValueMap.class)).put("id", after.id());
    }

    private static void unregister(ResourceResolver resolver, SiteSettings site, ArticleState state)
            throws PersistenceException {
        Resource entry = resolver.getResource(articleEntry(site, state.id()));
        if (entry != null) {
            resolver.delete(entry);
        }
    }

    private static @Nullable Resource findById(ResourceResolver resolver, Session session, String id)
            throws RepositoryException {
        try {
            Node node = session.getNodeByIdentifier(id);
            return resolver.getResource(node.getPath());
        } catch (ItemNotFoundException e) {
            return null;
        }
    }

    private static void collectIds(Resource entry, List<String> ids) {
        String id = entry.getValueMap().get("id", String.class);
        if (id != null) {
            ids.add(id);
        }
        for (Resource child : entry.getChildren()) {
            collectIds(child, ids);
        }
    }

    static String articleEntry(SiteSettings site, String id) {
        return root(site) + "/articles/" + id.substring(0, Math.min(2, id.length())) + "/" + id;
    }

    static String pathEntry(SiteSettings site, String path) {
        return root(site) + "/paths" + path.substring(site.path().length());
    }

    private static List<Resource> ascending(Resource parent) {
        List<Resource> children = new ArrayList<>();
        parent.getChildren().forEach(children::add);
        children.sort(Comparator.comparing(Resource::getName));
        return children;
    }

    /** The entry id that sorts right before every entry logged at or after {@code at}. */
    public static String entryAt(Instant at) {
        return CommentIds.next(at).substring(0, 18) + "-00000000";
    }

}
