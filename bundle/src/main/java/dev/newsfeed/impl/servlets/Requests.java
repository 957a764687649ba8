package dev.newsfeed.impl.servlets;

import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.ResourceResolver;

/** Small facts about a request that several servlets check. */
final class Requests {

    private Requests() {}

    static boolean hasSelectors(SlingHttpServletRequest request) {
        String selectors = request.getRequestPathInfo().getSelectorString();
        return selectors != null && !selectors.isEmpty();
    }

    static boolean hasSuffix(SlingHttpServletRequest request) {
        String suffix = request.getRequestPathInfo().getSuffix();
        return suffix != null && !suffix.isEmpty();
    }

    /** Whether the request names only the servlet's one selector, and no suffix. */
    static boolean onlySelector(SlingHttpServletRequest request) {
        return request.getRequestPathInfo().getSelectors().length == 1 && !hasSuffix(request);
    }

    static boolean isAnonymous(ResourceResolver resolver) {
        String user = resolver.getUserID();
        return user == null || "anonymous".equals(user);
    }
}
