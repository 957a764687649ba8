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
import java.util.PriorityQueue;
import java.util.Set;

import dev.newsfeed.impl.comments.CommentIds;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * What changed for readers, in time order, kept in the repository so every cluster instance and the changes feed see
 * it (entry ids sort by time):
 * <pre>
 * /var/newsfeed/changes{site}/log/yyyy/MM/dd/HH/mm/ss/{entry}
 * </pre>
 * Appended to by the {@link ChangeRecorder}, read by the {@link ChangesFeed}, pruned by {@link ChangeHistory}. Nothing
 * here commits.
 */
public final class ChangeLog {

    public static final String ROOT = "/var/newsfeed/changes";
    /** An entry's surrogate keys, so every cluster instance can purge what another's change made stale. */
    static final String KEYS = "keys";

    /** The fields of an entry a reader gets (the keys are for the cluster's purges). */
    private static final List<String> FIELDS = List.of("type", "id", "path", "comments", "at");

    static final String NODE_TYPE = "oak:Unstructured";
    private static final Map<String, Object> NODE = Map.of("jcr:primaryType", NODE_TYPE);
    /** The folders of an entry: one per second with changes, so no folder grows long however busy the site is. */
    private static final DateTimeFormatter FOLDERS =
            DateTimeFormatter.ofPattern("uuuu/MM/dd/HH/mm/ss").withZone(ZoneOffset.UTC);
    /** The length of an entry's name ({@code 20220110-144000000-abcd1234}) and of a day folder's key. */
    private static final int ENTRY_LENGTH = 27;

    private static final int DAY_KEY = 8;

    private ChangeLog() {}

    public static String root(SiteSettings site) {
        return ROOT + site.path();
    }

    /**
     * The entries after {@code afterEntry} (exclusive), oldest first, at most {@code limit}. Walks the folders in entry
     * order, each listed only when the walk reaches it: a folder before the position is passed over by its name, and
     * the walk stops at the limit, so a read costs the entries it returns and the few folders around them, however
     * full the log is. Reads entries directly in an hour folder too (the layout before minute and second folders).
     */
    public static List<Map<String, Object>> read(
            ResourceResolver resolver, SiteSettings site, String afterEntry, int limit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Resource log = resolver.getResource(root(site) + "/log");
        if (log == null) {
            return entries;
        }
        // a folder's key is how every entry below it starts (2022, 202201, 20220110, 20220110-14, ...): in key order
        // a folder comes right before its own entries and after every entry before them
        PriorityQueue<Position> walk = new PriorityQueue<>(Comparator.comparing(Position::key));
        walk.add(new Position("", log, true));
        while (!walk.isEmpty() && entries.size() < limit) {
            Position next = walk.poll();
            if (!next.folder()) {
                entries.add(fields(next));
                continue;
            }
            for (Resource child : next.resource().getChildren()) {
                Position p = Position.of(next.key(), child);
                if (p != null && p.after(afterEntry)) {
                    walk.add(p);
                }
            }
        }
        return entries;
    }

    /** What a reader of the log gets of an entry: its id ({@code entry}) and the fields it was appended with. */
    private static Map<String, Object> fields(Position entry) {
        ValueMap stored = entry.resource().getValueMap();
        Map<String, Object> e = new HashMap<>();
        for (String field : FIELDS) {
            Object value = stored.get(field);
            if (value != null) {
                e.put(field, value);
            }
        }
        e.put("entry", entry.key());
        return e;
    }

    /** A folder or an entry of the log, with its key. */
    private record Position(String key, Resource resource, boolean folder) {

        static @Nullable Position of(String parentKey, Resource child) {
            String name = child.getName();
            if (name.length() == ENTRY_LENGTH) {
                return new Position(name, child, false);
            }
            if ((name.length() == 2 || name.length() == 4) && name.chars().allMatch(Character::isDigit)) {
                return new Position(parentKey + (parentKey.length() == DAY_KEY ? "-" : "") + name, child, true);
            }
            return null;
        }

        /** Whether this entry, or some entry in this folder, comes after {@code entry}. */
        boolean after(String entry) {
            if (!folder) {
                return key.compareTo(entry) > 0;
            }
            return key.compareTo(entry.substring(0, Math.min(key.length(), entry.length()))) >= 0;
        }
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
        Resource folder = ResourceUtil.getOrCreateResource(
                resolver, root(site) + "/log/" + FOLDERS.format(at), NODE, NODE_TYPE, false);
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
        resolver.create(folder, entry, props);
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
