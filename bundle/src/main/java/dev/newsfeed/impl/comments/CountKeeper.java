package dev.newsfeed.impl.comments;

import static dev.newsfeed.impl.content.ContentModel.PN_RESOURCE_TYPE;
import static dev.newsfeed.impl.content.ContentModel.RT_COMMENT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * Keeps the comment counts exact: compares every counter with what is stored and repairs the difference.
 *
 * <p>Counts are Oak atomic counters (see {@link CommentStore}): every commit that stores or moves a comment adds its
 * delta to the writing instance's hidden shard, and Oak folds the shards into the visible {@code oak:counter}. On a
 * DocumentNodeStore (a cluster) that fold runs 0.5 s later on an in-memory executor: a JVM killed in between leaves
 * the visible total stale while the shards are right, and a survivor never folds a dead instance's shard that
 * becomes visible after Oak's recovery. Any later increment, even of 0, folds every shard again.
 *
 * <p>The keeper therefore holds, in memory, the number of comments of every day folder of every status and of every
 * public thread: built by one walk of the stored comments (at start, after the journal replay), then kept current by
 * recounting only the folders that change events name (and walked again every hour, in case an event was missed).
 * A pass compares these numbers with the counters (one read
 * per counter; status counters every pass, thread counters when their thread changed or was suspect) and for a
 * difference:
 * <ol>
 * <li>adds 0 to the counter ("nudge"): Oak folds the shards again, which repairs a stale total; it cannot count
 * anything twice, so instances may nudge at once;</li>
 * <li>if the same difference (same expected value, same shown value, same repair token) is still there after
 * {@code settle} (longer than Oak's fold retries, 32 s), the shards themselves are wrong (a comment removed or
 * moved by hand): the keeper recounts that folder from the repository and, only if the recount confirms its number,
 * adds the difference together with a new repair token. Two instances repairing at once write different tokens on
 * the same node: Oak lets one commit and fails the other, which then sees a new token and starts over.</li>
 * </ol>
 * Concurrent comment writes keep working with increments, which never conflict; a write during a repair moves the
 * stored comments and the shard by the same amount, so the repair's difference stays right.
 *
 * <p>Not thread-safe except {@link #changed}: one pass at a time, on one thread.
 */
public final class CountKeeper {

    /** Plain property on a counter node: who repaired it last. */
    static final String PN_REPAIR = "countRepair";
    /** More changed paths than this between two passes: the next pass recounts everything. */
    static final int MAX_CHANGED = 50_000;
    /** Walks everything again this often, in case a change event was missed (a walk costs ~3 µs a comment). */
    static final Duration WALK_EVERY = Duration.ofHours(1);

    /** The shown value of a counter and its repair token. */
    public record Shown(long value, @Nullable String token) {}

    /** How the keeper reads and changes counters: {@link OakCounters} in the repository; a model of Oak in tests. */
    public interface Counters {
        /** The counter at this path, or null when there is no node. */
        @Nullable Shown read(ResourceResolver resolver, String path);

        /** Adds 0 in a commit of its own: Oak folds the counter's shards into its total again. */
        void nudge(ResourceResolver resolver, String path) throws PersistenceException, RepositoryException;

        /**
         * Adds {@code delta} and sets the repair token to {@code token} in one commit, if the token still is
         * {@code expected}; false (and nothing written) otherwise or when Oak refuses the commit as a conflict.
         */
        boolean correct(ResourceResolver resolver, String path, @Nullable String expected, long delta, String token)
                throws PersistenceException, RepositoryException;
    }

    /** What a pass did. */
    public record Report(int counters, int recounted, List<String> nudged, Map<String, String> corrected,
            int suspects) {}

    private record Suspect(long expected, long shown, @Nullable String token, Instant since) {
        boolean same(long e, long s, @Nullable String t) {
            return expected == e && shown == s && Objects.equals(token, t);
        }
    }

    private final Counters counters;
    private final Duration settle;
    /** Status folder ({@code /var/newsfeed/comments{site}/{status}}) to its day folders and their comments. */
    private final Map<String, Map<String, Long>> days = new HashMap<>();
    /** Threads folder ({@code {site}/comments}) to its threads and their approved comments. */
    private final Map<String, Map<String, Long>> threads = new HashMap<>();
    private final Map<String, Suspect> suspects = new HashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean rebuild = true;
    private @Nullable Instant walked;

    public CountKeeper(Counters counters, Duration settle) {
        this.counters = counters;
        this.settle = settle;
    }

    /** A path below {@code /var/newsfeed/comments} or a site's {@code comments} was added or removed. */
    public void changed(String path) {
        if (changed.size() >= MAX_CHANGED) {
            rebuild = true;
            changed.clear();
        } else {
            changed.add(path);
        }
    }

    /** The next pass walks every stored comment again (as the first one does). */
    public void recountAll() {
        rebuild = true;
    }

    /** Whether a counter differed at the last pass (the caller may check again sooner). */
    public boolean hasSuspects() {
        return !suspects.isEmpty();
    }

    /** Compares every counter of these sites with the stored comments and repairs what differs. */
    public Report pass(ResourceResolver resolver, Collection<SiteSettings> sites, Instant now)
            throws PersistenceException, RepositoryException {
        resolver.refresh();
        boolean all = rebuild || walked == null || Duration.between(walked, now).compareTo(WALK_EVERY) >= 0;
        rebuild = false;
        if (all) {
            walked = now;
        }
        List<String> paths = new ArrayList<>(changed);
        changed.removeAll(paths);
        int[] recounted = {0};
        int checked = 0;
        List<String> nudged = new ArrayList<>();
        Map<String, String> corrected = new LinkedHashMap<>();
        Set<String> alive = new HashSet<>();
        for (SiteSettings site : sites) {
            for (CommentStatus status : CommentStatus.values()) {
                String folder = CommentStore.privateRoot(site) + "/" + status.key();
                String counter = CommentStore.privateRoot(site) + "/counts/" + status.key();
                alive.add(counter);
                Map<String, Long> tally = days.get(folder);
                Set<String> dirty = new HashSet<>();
                boolean whole = all || tally == null || dirtyParts(paths, folder, 3, dirty);
                if (whole) {
                    tally = walkDays(resolver, folder);
                    days.put(folder, tally);
                    recounted[0]++;
                } else {
                    widen(resolver, folder, 3, tally, dirty);
                    for (String day : dirty) {
                        put(tally, day, children(resolver.getResource(day), false));
                    }
                }
                long expected = sum(tally);
                checked++;
                check(resolver, counter, expected, now, nudged, corrected, () -> {
                    Map<String, Long> exact = walkDays(resolver, folder);
                    days.put(folder, exact);
                    recounted[0]++;
                    return sum(exact);
                });
            }
            String folder = site.path() + "/" + CommentStore.NN_PUBLIC;
            Map<String, Long> tally = threads.get(folder);
            Set<String> dirty = new HashSet<>();
            boolean whole = all || tally == null || dirtyParts(paths, folder, 1, dirty);
            if (whole) {
                tally = walkThreads(resolver, folder);
                threads.put(folder, tally);
                recounted[0]++;
                dirty.addAll(tally.keySet());
            } else {
                for (String thread : dirty) {
                    put(tally, thread, children(resolver.getResource(thread), true));
                }
            }
            for (String path : suspects.keySet()) {
                if (path.startsWith(folder + "/")) {
                    dirty.add(path);
                }
            }
            Map<String, Long> threadTally = tally;
            for (String thread : dirty) {
                alive.add(thread);
                checked++;
                check(resolver, thread, threadTally.getOrDefault(thread, 0L), now, nudged, corrected, () -> {
                    long exact = children(resolver.getResource(thread), true);
                    put(threadTally, thread, exact);
                    return exact;
                });
            }
        }
        suspects.keySet().retainAll(alive);
        return new Report(checked, recounted[0], nudged, corrected, suspects.size());
    }

    @FunctionalInterface
    private interface Recount {
        long exact() throws PersistenceException, RepositoryException;
    }

    private void check(ResourceResolver resolver, String path, long expected, Instant now, List<String> nudged,
            Map<String, String> corrected, Recount recount) throws PersistenceException, RepositoryException {
        Shown shown = counters.read(resolver, path);
        long value = shown == null ? 0 : shown.value();
        String token = shown == null ? null : shown.token();
        if (value == expected) {
            suspects.remove(path);
            return;
        }
        Suspect suspect = suspects.get(path);
        if (suspect == null || !suspect.same(expected, value, token)) {
            suspects.put(path, new Suspect(expected, value, token, now));
            if (shown != null) {
                counters.nudge(resolver, path);
                nudged.add(path);
            }
            return;
        }
        if (Duration.between(suspect.since(), now).compareTo(settle) < 0) {
            return;
        }
        suspects.remove(path);
        long exact = recount.exact();
        if (exact != expected || exact == value) {
            return; // what the keeper remembered was behind: the next pass compares again with the recount
        }
        if (counters.correct(resolver, path, token, exact - value, UUID.randomUUID() + "-" + now.toEpochMilli())) {
            corrected.put(path, value + " -> " + exact);
        }
    }

    /**
     * Whether a changed path covers all of {@code folder} (the folder itself or an ancestor); otherwise collects the
     * changed folders {@code depth} levels below it (or the shallower folder a change names: see {@link #widen}).
     */
    static boolean dirtyParts(List<String> paths, String folder, int depth, Set<String> dirty) {
        String prefix = folder + "/";
        for (String path : paths) {
            if (path.equals(folder) || prefix.startsWith(path + "/") || "/".equals(path)) {
                return true;
            }
            if (!path.startsWith(prefix)) {
                continue;
            }
            String[] segments = path.substring(prefix.length()).split("/", depth + 1);
            dirty.add(prefix + String.join("/", List.of(segments).subList(0, Math.min(depth, segments.length))));
        }
        return false;
    }

    /**
     * Replaces each changed folder shallower than {@code depth} (a year or month folder added or removed) by the
     * folders of that depth below it: those remembered (they may be gone) and those now there.
     */
    static void widen(ResourceResolver resolver, String folder, int depth, Map<String, Long> tally, Set<String> dirty) {
        for (String path : new ArrayList<>(dirty)) {
            int level = path.substring(folder.length() + 1).split("/").length;
            if (level >= depth) {
                continue;
            }
            dirty.remove(path);
            for (String known : tally.keySet()) {
                if (known.startsWith(path + "/")) {
                    dirty.add(known);
                }
            }
            descend(resolver.getResource(path), depth - level, dirty);
        }
    }

    private static void descend(@Nullable Resource resource, int levels, Set<String> out) {
        if (resource == null) {
            return;
        }
        if (levels == 0) {
            out.add(resource.getPath());
            return;
        }
        for (Resource child : resource.getChildren()) {
            descend(child, levels - 1, out);
        }
    }

    /** Comments of every day folder of a status folder ({@code yyyy/MM/dd/{id}}). */
    static Map<String, Long> walkDays(ResourceResolver resolver, String folder) {
        Map<String, Long> tally = new HashMap<>();
        Resource root = resolver.getResource(folder);
        if (root == null) {
            return tally;
        }
        for (Resource year : root.getChildren()) {
            for (Resource month : year.getChildren()) {
                for (Resource day : month.getChildren()) {
                    put(tally, day.getPath(), children(day, false));
                }
            }
        }
        return tally;
    }

    /** Approved comments of every thread of a site's public comments folder. */
    static Map<String, Long> walkThreads(ResourceResolver resolver, String folder) {
        Map<String, Long> tally = new HashMap<>();
        Resource root = resolver.getResource(folder);
        if (root != null) {
            for (Resource thread : root.getChildren()) {
                tally.put(thread.getPath(), children(thread, true));
            }
        }
        return tally;
    }

    private static long children(@Nullable Resource folder, boolean comments) {
        long n = 0;
        if (folder != null) {
            for (Iterator<Resource> it = folder.listChildren(); it.hasNext(); ) {
                Resource child = it.next();
                if (!comments || RT_COMMENT.equals(child.getValueMap().get(PN_RESOURCE_TYPE, String.class))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void put(Map<String, Long> tally, String path, long n) {
        if (n == 0) {
            tally.remove(path);
        } else {
            tally.put(path, n);
        }
    }

    private static long sum(Map<String, Long> tally) {
        long n = 0;
        for (long v : tally.values()) {
            n += v;
        }
        return n;
    }
}
