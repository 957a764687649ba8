package dev.newsfeed.impl.content;

import java.util.Arrays;

import javax.servlet.http.HttpServletRequest;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceDecorator;
import org.apache.sling.api.resource.ResourceWrapper;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Gives a {@code cq:Page} whose {@code jcr:content} is a Newsfeed site, archive folder or article that resource type,
 * so every servlet, listing and check that asks for {@code newsfeed/article} (and the others) serves the page at its
 * own path. Everything else of the page (value map, {@code adaptTo}, children) stays the page's; its super type is
 * {@code cq:Page}, so code that asks {@code isResourceType("cq:Page")} still sees a page.
 */
@Component(service = ResourceDecorator.class)
@Designate(ocd = PageResourceDecorator.Config.class)
public final class PageResourceDecorator implements ResourceDecorator {

    @ObjectClassDefinition(
            name = "Newsfeed Page Types",
            description = "Serves AEM pages (cq:Page) whose jcr:content has a Newsfeed resource type as Newsfeed"
                    + " sites, archive folders and articles.")
    public @interface Config {
        @AttributeDefinition(
                name = "Page roots",
                description =
                        "Paths below which pages are looked at; one child look-up per page there, none" + " elsewhere.")
        String[] page_roots() default {ContentModel.CONTENT_ROOT};
    }

    private volatile String[] roots = {ContentModel.CONTENT_ROOT + "/"};

    @Activate
    @Modified
    void activate(Config config) {
        roots = Arrays.stream(config.page_roots())
                .filter(r -> r != null && r.startsWith("/"))
                .map(r -> r.endsWith("/") ? r : r + "/")
                .toArray(String[]::new);
    }

    @Override
    public @Nullable Resource decorate(@NotNull Resource resource) {
        // the path first: asking a JCR resource its type reads its node, for every resource the instance resolves
        if (!below(resource.getPath()) || !ContentNodes.NT_PAGE.equals(resource.getResourceType())) {
            return resource;
        }
        String type = ContentNodes.pageType(resource);
        return type == null ? resource : new PageResource(resource, type);
    }

    /** @deprecated by the Sling API itself; the resolver calls {@link #decorate(Resource)}. */
    @Override
    @Deprecated
    public @Nullable Resource decorate(@NotNull Resource resource, @NotNull HttpServletRequest request) {
        return decorate(resource);
    }

    private boolean below(String path) {
        for (String root : roots) {
            if (path.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** A page seen with the Newsfeed type of its content. */
    static final class PageResource extends ResourceWrapper {

        private final String type;

        PageResource(Resource page, String type) {
            super(page);
            this.type = type;
        }

        @Override
        public @NotNull String getResourceType() {
            return type;
        }

        @Override
        public @Nullable String getResourceSuperType() {
            return ContentNodes.NT_PAGE;
        }

        @Override
        public boolean isResourceType(String resourceType) {
            // ResourceWrapper asks the wrapped page, which does not know our type
            return getResourceResolver().isResourceType(this, resourceType);
        }
    }
}
