package dev.newsfeed.impl.comments;

import java.time.Instant;

import dev.newsfeed.api.CommentSubmission;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/** A submission as the checkers see it. */
public record Submission(
        @NotNull String articlePath,
        @NotNull String articleTitle,
        @NotNull String author,
        @NotNull String email,
        @Nullable String url,
        @NotNull String text,
        @Nullable String parent,
        @NotNull String clientHash,
        @Nullable String userAgent,
        @NotNull Instant submitted)
        implements CommentSubmission {}
