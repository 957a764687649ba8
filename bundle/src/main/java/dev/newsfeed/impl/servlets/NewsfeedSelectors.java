package dev.newsfeed.impl.servlets;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.ContentModel;
import org.apache.sling.api.resource.Resource;
import org.jetbrains.annotations.Nullable;

/**
 * The endpoints of Newsfeed that carry a selector, and what a request with one of their selectors gets where no
 * Newsfeed servlet serves it: 405 (with {@code Allow}) when the resource is a Newsfeed resource of the endpoint's type
 * and only the method is wrong; otherwise 404 (a missing article, another resource, an endpoint of another type).
 */
final class NewsfeedSelectors {

    /** One registration: resource type, selector, extension and the methods served (a unit test compares them). */
    record Endpoint(String resourceType, String selector, String extension, Set<String> methods) {}

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> READ_WRITE = Set.of("GET", "HEAD", "POST");
    private static final Set<String> WRITE = Set.of("POST");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(ContentModel.RT_SITE, "articles", "json", READ_WRITE),
            new Endpoint(ContentModel.RT_SITE, "calendar", "json", READ),
            new Endpoint(ContentModel.RT_SITE, "changes", "json", READ),
            new Endpoint(ContentModel.RT_SITE, "console", "html", READ),
            new Endpoint(ContentModel.RT_SITE, "console", "js", READ),
            new Endpoint(ContentModel.RT_SITE, "console", "css", READ),
            new Endpoint(ContentModel.RT_SITE, "csrf", "json", READ),
            new Endpoint(ContentModel.RT_SITE, "feed", "json", READ),
            new Endpoint(ContentModel.RT_SITE, "feed", "jsonfeed", READ),
            new Endpoint(ContentModel.RT_SITE, "moderation", "json", READ_WRITE),
            new Endpoint(ContentModel.RT_SITE, "reindex", "json", WRITE),
            new Endpoint(ContentModel.RT_SITE, "search", "json", READ),
            new Endpoint(ContentModel.RT_SITE, "settings", "json", READ_WRITE),
            new Endpoint(ContentModel.RT_ARTICLE, "comments", "json", READ_WRITE),
            new Endpoint(ContentModel.RT_ARTICLE, "comment-form", "json", READ),
            new Endpoint(ContentModel.RT_ARTICLE, "edit", "json", READ),
            new Endpoint(ContentModel.RT_ARTICLE, "update", "json", WRITE),
            new Endpoint(ContentModel.RT_ARTICLE, "delete", "json", WRITE));

    /** Every selector of {@link #ENDPOINTS}; the guard servlet is registered with exactly these. */
    static final Set<String> ALL =
            new TreeSet<>(ENDPOINTS.stream().map(Endpoint::selector).toList());

    private static final List<String> NEWSFEED_TYPES = List.of(
            ContentModel.RT_SITE,
            ContentModel.RT_ARCHIVE,
            ContentModel.RT_ARTICLE,
            ContentModel.RT_COMMENT,
            CommentStore.RT_THREAD);

    private NewsfeedSelectors() {}

    /**
     * The methods the endpoint addressed by the first selector and the extension serves on this resource; empty when
     * there is no such endpoint here (then the answer is 404, else 405).
     */
    static Set<String> allowed(@Nullable Resource resource, @Nullable String[] selectors, @Nullable String extension) {
        Set<String> methods = new TreeSet<>();
        if (!isNewsfeed(resource) || selectors == null || selectors.length == 0) {
            return methods;
        }
        for (Endpoint e : ENDPOINTS) {
            if (e.selector().equals(selectors[0])
                    && e.extension().equals(extension)
                    && resource.isResourceType(e.resourceType())) {
                methods.addAll(e.methods());
            }
        }
        return methods;
    }

    static boolean isNewsfeed(@Nullable Resource resource) {
        if (resource == null || Resource.RESOURCE_TYPE_NON_EXISTING.equals(resource.getResourceType())) {
            return false;
        }
        // the type itself first: isResourceType of another type walks the super types (a resolver lookup each), a
        // tenth of an anonymous read answered from the origin cache
        return NEWSFEED_TYPES.contains(resource.getResourceType())
                || NEWSFEED_TYPES.stream().anyMatch(resource::isResourceType);
    }
}
