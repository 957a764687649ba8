package dev.newsfeed.impl.models;

import java.util.Optional;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.Resource;
import org.jetbrains.annotations.Nullable;

/**
 * What every Newsfeed model starts from: the base of absolute URLs and the site of the adapted resource (the site it
 * lies in, or for a model of a site itself the site it is).
 */
final class ModelContext {

    private ModelContext() {}

    /** As the servlets do for a request; without one, the configured public base URL (or none: paths). */
    static String base(PublicApiSettings settings, @Nullable SlingHttpServletRequest request) {
        return request != null ? settings.baseUrl(request) : settings.configuredBaseUrl();
    }

    /** The settings of the site the resource belongs to; a resource outside every site adapts to no model. */
    static SiteSettings site(Resource resource) {
        Optional<Resource> site = SiteSettings.siteOf(resource);
        return SiteSettings.from(
                site.orElseThrow(() -> new IllegalStateException("Not inside a Newsfeed site: " + resource.getPath())));
    }

    /** The settings of the site the resource is (not one it lies in); any other resource adapts to no model. */
    static SiteSettings siteItself(Resource resource) {
        // adaptTo of a decorated page reaches the models with the plain page: read it again, decorated
        Resource site = resource.getResourceResolver()
                .getResource(ContentNodes.canonical(resource).getPath());
        if (site == null || !site.isResourceType(ContentModel.RT_SITE)) {
            throw new IllegalStateException("Not a Newsfeed site: " + resource.getPath());
        }
        return SiteSettings.from(site);
    }
}
