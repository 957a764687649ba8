package dev.newsfeed.impl.servlets;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.newsfeed.impl.http.CorsPolicy.Access;
import org.apache.sling.api.resource.Resource;
import org.jetbrains.annotations.Nullable;

/**
 * What each address of Newsfeed needs from another origin (CORS): public reads, comments, or credentials. Addresses
 * with a selector of {@link NewsfeedSelectors} are classified by it; every other GET or HEAD on a Newsfeed resource
 * (documents, archive, calendar, feeds, unknown selectors that answer 404) is a public read, and any other write is
 * refused to other origins.
 */
final class CorsEndpoints {

    /** Endpoints for signed-in users: authoring, moderation, the console and its API. */
    static final Set<String> CREDENTIALED =
            Set.of("articles", "console", "csrf", "delete", "edit", "moderation", "reindex", "settings", "update");

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> READ_METHODS = new TreeSet<>(READS);

    private CorsEndpoints() {}

    /**
     * Newsfeed's resources: sites, archive folders, articles and comments, and missing addresses below
     * {@code /content/newsfeed/} (their 404 problems are Newsfeed's too).
     */
    static boolean inScope(@Nullable Resource resource) {
        if (NewsfeedSelectors.isNewsfeed(resource)) {
            return true;
        }
        return resource != null
                && Resource.RESOURCE_TYPE_NON_EXISTING.equals(resource.getResourceType())
                && resource.getPath().startsWith(NotFoundServlet.CONTENT_ROOT);
    }

    /** The access a request with these selectors and this method needs; null: none is given to other origins. */
    static @Nullable Access access(@Nullable String[] selectors, @Nullable String method) {
        boolean read = method != null && READS.contains(method);
        String selector = selectors == null || selectors.length == 0 ? "" : selectors[0];
        if (CREDENTIALED.contains(selector)
                || (selectors != null && selectors.length > 1 && "explain".equals(selectors[1]))) {
            return Access.CREDENTIALED;
        }
        if ("comment-form".equals(selector)) {
            return read ? Access.COMMENT : null;
        }
        if ("comments".equals(selector) && "POST".equals(method)) {
            return Access.COMMENT;
        }
        return read ? Access.READ : null;
    }

    /** The methods this address answers, each with the access it needs from another origin. */
    static Map<String, Access> endpoint(
            @Nullable Resource resource, @Nullable String[] selectors, @Nullable String extension) {
        Set<String> methods = NewsfeedSelectors.allowed(resource, selectors, extension);
        Map<String, Access> endpoint = new TreeMap<>();
        for (String method : methods.isEmpty() ? READ_METHODS : methods) {
            Access access = access(selectors, method);
            if (access != null) {
                endpoint.put(method, access);
            }
        }
        return endpoint;
    }
}
