package dev.newsfeed.impl.http;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jetbrains.annotations.Nullable;

/**
 * The public answers this instance rendered, kept as the exact bytes that went out, so that the next anonymous read of
 * the same URL costs a map lookup instead of reading and rendering the repository again.
 *
 * <p>Correct across a cluster: every answer is stored with the <em>generation</em> read before its content was read.
 * The generation goes up whenever anything a public answer is made of changes, on this instance or (as soon as Oak
 * shows it here) on another one ({@link #bump}, called by the listeners that also purge the cache tier, and before
 * they purge it). An answer of an older generation is never served again; nor one past the moment its content is
 * known to change by itself ({@link CachePolicy#changesAt()}, a scheduled article going live, comments closing), nor
 * one past its own recheck time ({@link PublicDocument#recheckAt()}, for answers that another process feeds, such as
 * search). Never valid by time alone.
 *
 * <p>Bounded by entries and bytes; reads take no lock ({@link ConcurrentHashMap#get}). A store that finds the cache
 * full first drops the answers of older generations, then about an eighth of the rest.
 */
public final class AnswerCache {

    /**
     * One stored answer: its document, strong ETag (computed once), generation, when it was rendered, and its last
     * confirmation through Sling ({@link Confirmation}).
     */
    public record Entry(
            PublicDocument document, String etag, long generation, Instant rendered, Confirmation confirmation) {

        long size() {
            return document.body().length + 256L;
        }
    }

    /**
     * When an anonymous reader without credentials, cookies or {@code Origin} was last given this answer through
     * Sling (its resource resolved for the anonymous session, every filter passed), and the headers Sling and those
     * filters had set before the answer: what {@code OriginCacheFront} needs to give the same answer before Sling.
     */
    public static final class Confirmation {
        /** The headers and the time of one confirmation, replaced whole: a reader never mixes two. */
        private record Last(List<Map.Entry<String, String>> headers, long at) {}

        private volatile @Nullable Last last;

        public void confirm(List<Map.Entry<String, String>> envelope, long nanoTime) {
            last = new Last(List.copyOf(envelope), nanoTime);
        }

        /** Confirmed less than {@code window} nanoseconds before {@code nanoTime}. */
        boolean since(long nanoTime, long window) {
            Last confirmed = last;
            return confirmed != null && nanoTime - confirmed.at() < window;
        }

        /** The headers of the last confirmation (none before the first). */
        public List<Map.Entry<String, String>> headers() {
            Last confirmed = last;
            return confirmed == null ? List.of() : confirmed.headers();
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder front = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final int maxEntries;
    private final long maxBytes;

    /**
     * @param maxEntries 0: nothing is kept
     * @param firstGeneration above every generation a cache it replaces gave out, so that nothing read for that one is
     *     stored in this one
     */
    public AnswerCache(int maxEntries, long maxBytes, long firstGeneration) {
        this.maxEntries = Math.max(0, maxEntries);
        this.maxBytes = Math.max(0, maxBytes);
        generation.set(firstGeneration);
    }

    public boolean enabled() {
        return maxEntries > 0 && maxBytes > 0;
    }

    /** The generation now: read it before reading what an answer is made of, and store the answer with it. */
    public long generation() {
        return generation.get();
    }

    /** Something public changed: every stored answer is old. */
    public void bump() {
        generation.incrementAndGet();
    }

    /** The answer stored for {@code key}, if it is of the current generation and still valid at {@code now}. */
    public @Nullable Entry get(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || !valid(entry, generation.get(), now)) {
            misses.increment();
            return null;
        }
        hits.increment();
        return entry;
    }

    static boolean valid(Entry entry, long generation, Instant now) {
        if (entry.generation() != generation) {
            return false;
        }
        Instant changes = entry.document().cache().changesAt();
        Instant recheck = entry.document().recheckAt();
        return (changes == null || now.isBefore(changes)) && (recheck == null || now.isBefore(recheck));
    }

    /**
     * The answer stored for {@code key} if it is valid at {@code now} and was confirmed through Sling less than {@code
     * window} nanoseconds before {@code nanoTime}; else null, and nothing counted (the request goes on to Sling).
     */
    public @Nullable Entry confirmed(String key, Instant now, long nanoTime, long window) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.confirmation().since(nanoTime, window) || !valid(entry, generation.get(), now)) {
            return null;
        }
        front.increment();
        return entry;
    }

    /**
     * Keeps an answer rendered from content read at {@code generation}; not when the generation has moved on since (it
     * may be old already), nor when it alone would take more than an eighth of the cache.
     */
    public void put(String key, PublicDocument document, long generation, Instant rendered) {
        if (!enabled() || !document.cache().shared() || generation != this.generation.get()) {
            return;
        }
        Entry entry = new Entry(
                document,
                ConditionalRequests.strongEtag(document.mediaType(), document.body()),
                generation,
                rendered,
                new Confirmation());
        if (entry.size() > maxBytes / 8) {
            return;
        }
        if (entries.size() >= maxEntries || bytes.get() + entry.size() > maxBytes) {
            evict(rendered);
        }
        Entry old = entries.put(key, entry);
        bytes.addAndGet(entry.size() - (old == null ? 0 : old.size()));
    }

    private synchronized void evict(Instant now) {
        if (entries.size() < maxEntries && bytes.get() < maxBytes - maxBytes / 8) {
            return; // another store made room meanwhile
        }
        long current = generation.get();
        removeWhere(e -> !valid(e, current, now), Long.MAX_VALUE);
        if (entries.size() >= maxEntries - maxEntries / 8 || bytes.get() >= maxBytes - maxBytes / 8) {
            removeWhere(e -> true, Math.max(1, entries.size() / 8));
        }
    }

    private void removeWhere(java.util.function.Predicate<Entry> test, long atMost) {
        long removed = 0;
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                it.hasNext() && removed < atMost; ) {
            Map.Entry<String, Entry> e = it.next();
            if (test.test(e.getValue()) && entries.remove(e.getKey(), e.getValue())) {
                bytes.addAndGet(-e.getValue().size());
                removed++;
            }
        }
        evictions.add(removed);
    }

    /** Counts for the operators: entries, bytes, hits (through Sling and before it), misses, evictions, generation. */
    public Map<String, Long> stats() {
        return Map.of(
                "hitsBeforeSling", front.sum(),
                "entries", (long) entries.size(),
                "bytes", bytes.get(),
                "hits", hits.sum(),
                "misses", misses.sum(),
                "evictions", evictions.sum(),
                "generation", generation.get());
    }
}
