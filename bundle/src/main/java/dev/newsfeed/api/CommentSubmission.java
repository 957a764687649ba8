package dev.newsfeed.api;

import java.time.Instant;

import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A reader's comment as submitted, for {@link CommentChecker}s.
 *
 * @since dev.newsfeed.api 1.0.0
 */
@ProviderType
public interface CommentSubmission {

    /** Path of the article commented on. */
    @NotNull
    String articlePath();

    @NotNull
    String articleTitle();

    @NotNull
    String author();

    /** The commenter's email; never shown to readers. */
    @NotNull
    String email();

    @Nullable
    String url();

    /** The text as the reader typed it. */
    @NotNull
    String text();

    /** Id of the comment this one replies to, or null. */
    @Nullable
    String parent();

    /** A salted hash of the client's address (never the address itself). */
    @NotNull
    String clientHash();

    @Nullable
    String userAgent();

    @NotNull
    Instant submitted();
}
