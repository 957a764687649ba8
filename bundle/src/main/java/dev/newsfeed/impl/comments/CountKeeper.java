package dev.newsfeed.impl.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
        @Nullable
        Shown read(ResourceResolver resolver, String path);

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
    public record Report(
            int counters, int recounted, List<String> nudged, Map<String, String> corrected, int suspects) {}

    private record Suspect(long expected, long shown, @Nullable String token, Instant since) {
        boolean same(long e, long s, @Nullable String t) {
            return expected == e && shown == s && Objects.equals(token, t);
        }
    }

    private final Counters counters;
    private final Duration settle;
    private final CommentTally tally = new CommentTally();
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
        tally.takeWalks();
        Pass pass = new Pass(now);
        for (SiteSettings site : sites) {
            checkStatuses(resolver, site, all, paths, pass);
            checkThreads(resolver, site, all, paths, pass);
        }
        suspects.keySet().retainAll(pass.alive);
        return new Report(pass.checked, tally.takeWalks(), pass.nudged, pass.corrected, suspects.size());
    }

    /** What one pass checked and did. */
    private static final class Pass {
        final Instant now;
        final List<String> nudged = new ArrayList<>();
        final Map<String, String> corrected = new LinkedHashMap<>();
        final Set<String> alive = new HashSet<>();
        int checked;

        Pass(Instant now) {
            this.now = now;
        }
    }

    /** The status counters of a site ({@code /var/newsfeed/comments{site}/counts/{status}}). */
    private void checkStatuses(ResourceResolver resolver, SiteSettings site, boolean all, List<String> paths, Pass pass)
            throws PersistenceException, RepositoryException {
        for (CommentStatus status : CommentStatus.values()) {
            String folder = CommentStore.privateRoot(site) + "/" + status.key();
            String counter = StatusCounters.path(site, status);
            long expected = tally.days(resolver, folder, all, paths);
            check(resolver, counter, expected, pass, () -> tally.recountDays(resolver, folder));
        }
    }

    /** The thread counters of a site that changed or differed before (every one when {@code all}). */
    private void checkThreads(ResourceResolver resolver, SiteSettings site, boolean all, List<String> paths, Pass pass)
            throws PersistenceException, RepositoryException {
        String folder = site.path() + "/" + CommentStore.NN_PUBLIC;
        Set<String> dirty = tally.threads(resolver, folder, all, paths);
        for (String path : suspects.keySet()) {
            if (path.startsWith(folder + "/")) {
                dirty.add(path);
            }
        }
        for (String thread : dirty) {
            check(
                    resolver,
                    thread,
                    tally.thread(folder, thread),
                    pass,
                    () -> tally.recountThread(resolver, folder, thread));
        }
    }

    @FunctionalInterface
    private interface Recount {
        long exact() throws PersistenceException, RepositoryException;
    }

    private void check(ResourceResolver resolver, String path, long expected, Pass pass, Recount recount)
            throws PersistenceException, RepositoryException {
        pass.alive.add(path);
        pass.checked++;
        Instant now = pass.now;
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
                pass.nudged.add(path);
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
            pass.corrected.put(path, value + " -> " + exact);
        }
    }
}
