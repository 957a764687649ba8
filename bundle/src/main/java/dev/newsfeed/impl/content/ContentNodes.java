package dev.newsfeed.impl.content;

import static dev.newsfeed.impl.content.ContentModel.RT_ARCHIVE;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;
import static dev.newsfeed.impl.content.ContentModel.RT_SITE;

import java.util.Set;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceWrapper;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * The two shapes of Newsfeed content (docs/aem.md): a node that carries the model's properties itself, or an AEM page
 * ({@code cq:Page}) whose {@code jcr:content} carries them. Node type names are plain strings: no AEM API is needed.
 */
public final class ContentNodes {

    public static final String NT_PAGE = "cq:Page";
    public static final String NT_PAGE_CONTENT = "cq:PageContent";
    public static final String NN_CONTENT = "jcr:content";
    public static final String PN_PRIMARY_TYPE = "jcr:primaryType";
    /** AEM's last modification of a page, on its content node. */
    public static final String PN_PAGE_LAST_MODIFIED = "cq:lastModified";

    /** The types a page's content may carry to make the page a Newsfeed site, archive folder or article. */
    public static final Set<String> PAGE_TYPES = Set.of(RT_SITE, RT_ARCHIVE, RT_ARTICLE);

    private static final String CONTENT_SEGMENT = "/" + NN_CONTENT;

    private ContentNodes() {}

    /** Whether the resource is a {@code cq:Page} node (whatever its resource type says). */
    public static boolean isPage(@Nullable Resource resource) {
        if (resource == null) {
            return false;
        }
        // a page carries no sling:resourceType itself: its resource type is its node type, unless PageResourceDecorator
        // gave it ours (then it is a PageResource, perhaps inside another wrapper); no property is read
        for (Resource r = resource; ; r = ((ResourceWrapper) r).getResource()) {
            if (r instanceof PageResourceDecorator.PageResource) {
                return true;
            }
            if (!(r instanceof ResourceWrapper)) {
                return NT_PAGE.equals(r.getResourceType());
            }
        }
    }

    /** Where the model's properties of a resource are: its {@code jcr:content} for a page, else the resource. */
    public static @NotNull Resource content(@NotNull Resource resource) {
        if (isPage(resource)) {
            Resource content = resource.getChild(NN_CONTENT);
            if (content != null) {
                return content;
            }
        }
        return resource;
    }

    /** The resource a Newsfeed address names: the page for a page's {@code jcr:content}, else the resource. */
    public static @NotNull Resource canonical(@NotNull Resource resource) {
        if (NN_CONTENT.equals(resource.getName())) {
            Resource parent = resource.getParent();
            if (isPage(parent)) {
                return parent;
            }
        }
        return resource;
    }

    /** Whether the resource is the {@code jcr:content} of a page that is a Newsfeed site, folder or article. */
    public static boolean isNewsfeedPageContent(@NotNull Resource resource) {
        return NN_CONTENT.equals(resource.getName())
                && PAGE_TYPES.contains(resource.getResourceType())
                && isPage(resource.getParent());
    }

    /** The Newsfeed type of a page (its content's {@code sling:resourceType}) or null when it is not one of ours. */
    public static @Nullable String pageType(@NotNull Resource page) {
        Resource content = page.getChild(NN_CONTENT);
        if (content == null) {
            return null;
        }
        String type = content.getValueMap().get(ContentModel.PN_RESOURCE_TYPE, String.class);
        return type != null && PAGE_TYPES.contains(type) ? type : null;
    }

    /**
     * The path a changed path stands for: a path at or below a {@code jcr:content} stands for the page that owns
     * it (AEM writes page properties to the content node), any other path for itself.
     */
    public static @NotNull String owner(@NotNull String path) {
        int at = path.indexOf(CONTENT_SEGMENT);
        while (at >= 0) {
            int end = at + CONTENT_SEGMENT.length();
            if (end == path.length() || path.charAt(end) == '/') {
                return at == 0 ? "/" : path.substring(0, at);
            }
            at = path.indexOf(CONTENT_SEGMENT, end);
        }
        return path;
    }

    /** Whether a site's content is stored as pages: then new folders and articles are pages too. */
    public static boolean pageMode(@NotNull ResourceResolver resolver, @NotNull SiteSettings site) {
        return isPage(resolver.getResource(site.path()));
    }

    /** The value map of the model's properties: the content node's for a page. */
    public static @NotNull ValueMap properties(@NotNull Resource resource) {
        return content(resource).getValueMap();
    }
}
