package dev.newsfeed.api;

import java.util.List;

import org.jetbrains.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The approved comments of a published Newsfeed article as a Sling Model: adapt a {@code newsfeed/article} resource
 * or a request for one. It holds the first page of {@code {article}.comments.json} (up to 20 threads, newest first,
 * replies nested), built by the same code; empty for an article readers cannot see.
 *
 * @since dev.newsfeed.api 1.1.0
 */
@ProviderType
public interface CommentListModel {

    /** Approved comments of the article. */
    long getCount();

    /** Whether readers may comment now. */
    boolean isOpen();

    /** The first page of threads. */
    List<Comment> getComments();

    /** An approved comment. */
    @ProviderType
    interface Comment {
        String getId();

        String getAuthor();

        /** The commenter's web site (http/https), or null. */
        @Nullable
        String getUrl();

        String getPublished();

        /** Sanitised HTML. */
        String getText();

        List<Comment> getReplies();
    }
}
