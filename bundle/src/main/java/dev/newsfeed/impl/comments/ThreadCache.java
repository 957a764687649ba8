package dev.newsfeed.impl.comments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jetbrains.annotations.Nullable;

/**
 * The approved comments of recently read threads, kept per thread and version (see
 * {@link CommentStore#threadVersion}): a listing of an article with 1,000 comments reads one node to check the
 * version instead of 1,000. Only public data is cached, so it is the same for every reader; each cluster instance
 * checks the shared repository's version on every request, so no instance serves a stale thread.
 */
public final class ThreadCache {

    private record Entry(String version, List<CommentStore.Published> comments) {}

    private final Map<String, Entry> entries;

    public ThreadCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The comments of a thread at {@code version}, loaded when the cached ones are of another version. */
    public List<CommentStore.Published> get(
            String thread, @Nullable String version, Supplier<List<CommentStore.Published>> load) {
        if (version == null) {
            return List.of();
        }
        synchronized (entries) {
            Entry cached = entries.get(thread);
            if (cached != null && cached.version().equals(version)) {
                return cached.comments();
            }
        }
        List<CommentStore.Published> loaded = List.copyOf(load.get());
        synchronized (entries) {
            entries.put(thread, new Entry(version, loaded));
        }
        return loaded;
    }
}
