package dev.newsfeed.impl.changes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * What readers last could see of each article, so a change is told from a repeat and a deleted node's article is
 * known:
 * <pre>
 * /var/newsfeed/changes{site}/articles/{id}         what readers last could see of each article (path, published, hash)
 * /var/newsfeed/changes{site}/paths/{site-relative path}   id, so a deleted node's article is known
 * </pre>
 * Nothing here commits.
 */
final class ChangeRegistry {

    private static final Map<String, Object> NODE = Map.of("jcr:primaryType", ChangeLog.NODE_TYPE);

    private ChangeRegistry() {}

    static @Nullable RegisteredArticle registered(ResourceResolver resolver, SiteSettings site, String id) {
        Resource entry = resolver.getResource(articleEntry(site, id));
        if (entry == null) {
            return null;
        }
        ValueMap p = entry.getValueMap();
        return new RegisteredArticle(id, p.get("path", ""), p.get("published", Long.class), p.get("hash", ""));
    }

    static void register(
            ResourceResolver resolver,
            SiteSettings site,
            @Nullable RegisteredArticle before,
            RegisteredArticle after,
            Instant now)
            throws PersistenceException {
        Resource entry = ResourceUtil.getOrCreateResource(
                resolver, articleEntry(site, after.id()), NODE, ChangeLog.NODE_TYPE, false);
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
        Resource mapped = ResourceUtil.getOrCreateResource(
                resolver, pathEntry(site, after.path()), NODE, ChangeLog.NODE_TYPE, false);
        Objects.requireNonNull(mapped.adaptTo(ModifiableValueMap.class)).put("id", after.id());
    }

    static void unregister(ResourceResolver resolver, SiteSettings site, RegisteredArticle state)
            throws PersistenceException {
        Resource entry = resolver.getResource(articleEntry(site, state.id()));
        if (entry != null) {
            resolver.delete(entry);
        }
    }

    static @Nullable Resource findById(ResourceResolver resolver, Session session, String id)
            throws RepositoryException {
        try {
            Node node = session.getNodeByIdentifier(id);
            return resolver.getResource(node.getPath());
        } catch (ItemNotFoundException e) {
            return null;
        }
    }

    static void collectIds(Resource entry, List<String> ids) {
        String id = entry.getValueMap().get("id", String.class);
        if (id != null) {
            ids.add(id);
        }
        for (Resource child : entry.getChildren()) {
            collectIds(child, ids);
        }
    }

    static String articleEntry(SiteSettings site, String id) {
        return ChangeLog.root(site) + "/articles/" + id.substring(0, Math.min(2, id.length())) + "/" + id;
    }

    static String pathEntry(SiteSettings site, String path) {
        return ChangeLog.root(site) + "/paths" + path.substring(site.path().length());
    }
}
