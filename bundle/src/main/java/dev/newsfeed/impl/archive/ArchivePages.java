package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.PN_RESOURCE_TYPE;
import static dev.newsfeed.impl.content.ContentModel.PN_TITLE;
import static dev.newsfeed.impl.content.ContentModel.RT_ARCHIVE;

import java.util.HashMap;
import java.util.Map;

import dev.newsfeed.impl.content.ContentNodes;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;

/**
 * The archive of a site stored as AEM pages (docs/aem.md): the archive root, the year, month and day folders and the
 * drafts folder are {@code cq:Page}s whose {@code jcr:content} is a {@code newsfeed/archive}, titled so that the Sites
 * console shows the archive ("2022", "2022-01", "2022-01-10", "Drafts").
 */
final class ArchivePages {

    private ArchivePages() {}

    /** The folder page {@code name} below {@code parentPath}, created with its content when missing. */
    static Resource folder(ResourceResolver resolver, String parentPath, String name, String title)
            throws PersistenceException {
        Resource parent = resolver.getResource(parentPath);
        if (parent == null) {
            throw new PersistenceException("No parent for an archive page at " + parentPath);
        }
        Resource folder = parent.getChild(name);
        if (folder == null) {
            folder = resolver.create(parent, name, Map.of(ContentNodes.PN_PRIMARY_TYPE, ContentNodes.NT_PAGE));
        }
        if (ContentNodes.isPage(folder) && folder.getChild(ContentNodes.NN_CONTENT) == null) {
            Map<String, Object> content = new HashMap<>();
            content.put(ContentNodes.PN_PRIMARY_TYPE, ContentNodes.NT_PAGE_CONTENT);
            content.put(PN_RESOURCE_TYPE, RT_ARCHIVE);
            content.put(PN_TITLE, title);
            resolver.create(folder, ContentNodes.NN_CONTENT, content);
            // the page was read before it had content: read it again so it is seen with its Newsfeed type
            folder = resolver.getResource(folder.getPath());
        } else if (!folder.isResourceType(RT_ARCHIVE)) {
            ModifiableValueMap props = ContentNodes.content(folder).adaptTo(ModifiableValueMap.class);
            if (props != null) {
                props.put(PN_RESOURCE_TYPE, RT_ARCHIVE);
            }
        }
        return folder;
    }

    /** Whether a folder holds anything but its own page content. */
    static boolean hasEntries(Resource folder) {
        for (Resource child : folder.getChildren()) {
            if (!ContentNodes.NN_CONTENT.equals(child.getName()) || !ContentNodes.isPage(folder)) {
                return true;
            }
        }
        return false;
    }
}
