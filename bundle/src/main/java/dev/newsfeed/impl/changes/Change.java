package dev.newsfeed.impl.changes;

import java.time.Instant;
import java.util.Set;

import org.jetbrains.annotations.Nullable;

/**
 * One change readers can see: an article appeared, changed, went back to draft or was deleted, or its approved
 * comments changed; with the surrogate keys it makes stale.
 */
public record Change(
        Type type, String site, String articleId, @Nullable String path, long comments, Instant at, Set<String> keys) {

    public enum Type {
        CREATED,
        UPDATED,
        UNPUBLISHED,
        DELETED,
        COMMENTS;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static @Nullable Type of(String key) {
            for (Type t : values()) {
                if (t.key().equals(key)) {
                    return t;
                }
            }
            return null;
        }
    }
}
