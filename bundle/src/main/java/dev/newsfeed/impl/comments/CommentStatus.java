package dev.newsfeed.impl.comments;

import java.util.Locale;

import org.jetbrains.annotations.Nullable;

/** Where a comment stands; only {@link #APPROVED} ones are ever public. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    SPAM,
    TRASH;

    /** The name used in URLs, storage and documents: {@code pending}, {@code approved}, {@code spam}, {@code trash}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable CommentStatus of(@Nullable String key) {
        if (key == null) {
            return null;
        }
        for (CommentStatus s : values()) {
            if (s.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** The status a moderation action leads to: approve, spam, trash, pending. */
    public static @Nullable CommentStatus ofAction(@Nullable String action) {
        if ("approve".equals(action)) {
            return APPROVED;
        }
        return "approved".equals(action) ? null : of(action);
    }
}
