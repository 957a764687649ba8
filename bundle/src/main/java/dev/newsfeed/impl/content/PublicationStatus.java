package dev.newsfeed.impl.content;

import java.time.Instant;

import org.jetbrains.annotations.Nullable;

/** Where an article stands for readers at a given moment. */
public enum PublicationStatus {
    /** No publish date: only its authors see it. */
    DRAFT,
    /** Publish date in the future: invisible until then. */
    SCHEDULED,
    /** Publish date reached: public. */
    PUBLISHED;

    public static PublicationStatus of(@Nullable Instant published, Instant now) {
        if (published == null) {
            return DRAFT;
        }
        return published.isAfter(now) ? SCHEDULED : PUBLISHED;
    }
}
