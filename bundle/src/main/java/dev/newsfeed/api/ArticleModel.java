package dev.newsfeed.api;

import java.util.List;

import org.jetbrains.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A Newsfeed article as a Sling Model: adapt a {@code newsfeed/article} resource (a node, an AEM page or the page's
 * {@code jcr:content}) or a request for one. HTL reads it with {@code data-sly-use}; {@code {article}.model.json}
 * exports exactly the article document of {@code {article}.json} (docs/api.md), built by the same code. Absolute
 * URLs use the configured public base URL; adapted from a request without one, the request's trusted host.
 *
 * @since dev.newsfeed.api 1.1.0
 */
@ProviderType
public interface ArticleModel {

    /** The stable id ({@code jcr:uuid} of the article node or page). */
    String getId();

    /** The repository path (of the page, for a page article). */
    String getPath();

    /** The canonical absolute URL of the article document. */
    String getUrl();

    String getTitle();

    @Nullable
    String getLead();

    /** The body, sanitised HTML (as in the document: paragraphs, headings, links, lists, emphasis). */
    String getBody();

    @Nullable
    String getAuthor();

    /** The publish instant, ISO-8601 with the site's offset; null for a draft. */
    @Nullable
    String getPublished();

    /** The last change for readers, ISO-8601 with the site's offset. */
    @Nullable
    String getModified();

    List<String> getTags();

    /** The site's reuse policy, null when the site states none. */
    @Nullable
    String getReusePolicy();

    /** Approved comments. */
    long getCommentCount();

    /** Whether readers may comment now. */
    boolean isCommentsOpen();

    /** The comment listing's URL ({@code {article}.comments.json}). */
    String getCommentsUrl();
}
