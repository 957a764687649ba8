package dev.newsfeed.impl.comments;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a client, an article): each holds up to {@code capacity} tokens and gains
 * {@code perMinute} tokens a minute; a request takes one. Kept in memory on each instance, so in a cluster of N
 * instances a client can send up to N times the rate (documented); buckets idle long enough to be full again are
 * dropped, so memory follows the number of recent clients.
 */
public final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final double capacity;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public TokenBuckets(int capacity, double perMinute) {
        this.capacity = Math.max(1, capacity);
        this.perNano = Math.max(perMinute, 0.0001) / 60_000_000_000.0;
    }

    /** Takes a token for {@code key} at {@code nanoTime}: 0 when granted, else the seconds until one is available. */
    public long take(String key, long nanoTime) {
        if (buckets.size() > MAX_KEYS) {
            evictFull(nanoTime);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoTime));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (nanoTime - bucket.updated) * perNano);
            bucket.updated = nanoTime;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / perNano / 1_000_000_000.0));
        }
    }

    int size() {
        return buckets.size();
    }

    private void evictFull(long nanoTime) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket b = it.next().getValue();
            synchronized (b) {
                if (b.tokens + (nanoTime - b.updated) * perNano >= capacity) {
                    it.remove();
                }
            }
        }
    }
}
