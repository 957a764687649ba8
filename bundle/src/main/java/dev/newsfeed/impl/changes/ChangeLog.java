package dev.newsfeed.impl.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsfeed.impl.comments.CommentIds;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.jetbrains.annotations.Nullable;

/**
 * What changed for readers, in time order, kept in the repository so every cluster instance and the changes feed see
 * it (entry ids sort by time):
 * <pre>
 * /var/newsfeed/changes{site}/log/yyyy/MM/dd/HH/{entry}
 * </pre>
 * Appended to by the {@link ChangeRecorder}, read by the {@link ChangesFeed}, pruned by {@link ChangeHistory}. Nothing
 * here commits.
 */
public final class ChangeLog {

    public static final String ROOT = "/var/newsfeed/changes";
    /** An entry's surrogate keys, so every cluster instance can purge what another's change made stale. */
    static final String KEYS = "keys";

    static final String NODE_TYPE = "oak:Unstructured";
    private static final Map<String, Object> NODE = Map.of("jcr:primaryType", NODE_TYPE);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("uuuu/MM/dd/HH").withZone(ZoneOffset.UTC);

    private ChangeLog() {}

    public static String root(SiteSettings site) {
        return ROOT + site.path();
    }

    /** The entries after {@code afterEntry} (exclusive), oldest first, at most {@code limit}. */
    public static List<Map<String, Object>> read(
            ResourceResolver resolver, SiteSettings site, String afterEntry, int limit) {
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
                    LocalDate d = LocalDate.of(
                            Integer.parseInt(year.getName()),
                            Integer.parseInt(month.getName()),
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

    /** Appends one entry; the change it records. */
    static Change append(
            ResourceResolver resolver,
            SiteSettings site,
            Change.Type type,
            String id,
            @Nullable String path,
            long comments,
            Instant at,
            Set<String> keys)
            throws PersistenceException {
        String entry = CommentIds.next(at);
        Resource hour = ResourceUtil.getOrCreateResource(
                resolver, root(site) + "/log/" + HOUR.format(at), NODE, NODE_TYPE, false);
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
        props.put(KEYS, keys.toArray(new String[0]));
        resolver.create(hour, entry, props);
        return new Change(type, site.path(), id, path, comments, at, keys);
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
