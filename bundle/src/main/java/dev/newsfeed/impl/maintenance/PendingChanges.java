package dev.newsfeed.impl.maintenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coalescing queue of changed paths not yet worked off. Each path is kept once however often it changes; when
 * more than a threshold pile up (a bulk import: a package, a generator), they are dropped in favour of one rebuild of
 * each site concerned once it has been quiet for a while, and further changes of such a site only push that moment
 * back. Times are {@link System#nanoTime} values. Thread-safe.
 */
final class PendingChanges {

    /** What a drain takes: the paths to follow, the sites to rebuild, and whether rebuilds are still waiting. */
    record Batch(List<String> paths, List<String> rebuilds, boolean later) {
        boolean isEmpty() {
            return paths.isEmpty() && rebuilds.isEmpty();
        }
    }

    private final int bulkThreshold;
    private final Set<String> paths = new LinkedHashSet<>();
    /** Sites to rebuild after a bulk change, with the time after which they are quiet enough. */
    private final Map<String, Long> rebuilds = new LinkedHashMap<>();

    PendingChanges(int bulkThreshold) {
        this.bulkThreshold = bulkThreshold;
    }

    /**
     * Queues changed paths; a site waiting for its bulk rebuild waits until {@code quietUntil} instead. Whether the
     * queue was empty before (so the caller schedules a drain).
     */
    synchronized boolean add(Collection<String> changed, long quietUntil) {
        boolean wasEmpty = paths.isEmpty() && rebuilds.isEmpty();
        for (String path : changed) {
            Set<String> site = ChangedPaths.sitesOf(List.of(path));
            if (!site.isEmpty() && rebuilds.containsKey(site.iterator().next())) {
                rebuilds.put(site.iterator().next(), quietUntil); // still busy: wait for quiet
                continue;
            }
            paths.add(path);
        }
        if (paths.size() > bulkThreshold) {
            // one rebuild once the bulk change is over beats following each path
            for (String site : ChangedPaths.sitesOf(paths)) {
                rebuilds.put(site, quietUntil);
            }
            paths.clear();
        }
        return wasEmpty;
    }

    /** Takes every queued path and the rebuilds whose sites have been quiet until {@code now}. */
    synchronized Batch take(long now) {
        List<String> taken = new ArrayList<>(paths);
        paths.clear();
        List<String> due = new ArrayList<>();
        rebuilds.entrySet().removeIf(e -> now - e.getValue() >= 0 && due.add(e.getKey()));
        return new Batch(taken, due, !rebuilds.isEmpty());
    }

    /** Queues a failed batch again, its rebuilds due at {@code now} unless already waiting. */
    synchronized void putBack(Batch batch, long now) {
        paths.addAll(batch.paths());
        batch.rebuilds().forEach(site -> rebuilds.putIfAbsent(site, now));
    }
}
