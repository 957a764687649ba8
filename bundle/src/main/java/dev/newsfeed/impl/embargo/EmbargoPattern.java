package dev.newsfeed.impl.embargo;

import org.apache.jackrabbit.oak.api.PropertyState;
import org.apache.jackrabbit.oak.api.Tree;
import org.apache.jackrabbit.oak.api.Type;
import org.apache.jackrabbit.oak.spi.security.authorization.restriction.RestrictionPattern;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Matches the items of embargoed articles: a node whose {@code sling:resourceType} is the restriction's value (an
 * article) and everything below it, while the article has no publish date or one still ahead. Evaluated by Oak on
 * every read it checks, with the clock of the moment, so an article becomes readable at its publish instant on every
 * cluster instance without any write.
 */
final class EmbargoPattern implements RestrictionPattern {

    static final String PN_RESOURCE_TYPE = "sling:resourceType";
    private static final String PN_PRIMARY_TYPE = "jcr:primaryType";
    private static final String NT_PAGE = "cq:Page";
    private static final String NN_CONTENT = "jcr:content";

    /** Types of the containers of articles: no article sits above them, so the walk up stops there. */
    private static final java.util.Set<String> CONTAINERS = java.util.Set.of("newsfeed/site", "newsfeed/archive");

    /** Articles never nest deeper than this below the item asked about (their attachments, pages' jcr:content). */
    private static final int MAX_DEPTH = 12;

    private final String articleType;

    EmbargoPattern(String articleType) {
        this.articleType = articleType;
    }

    @Override
    public boolean matches(@NotNull Tree tree, @Nullable PropertyState property) {
        Tree t = tree;
        for (int i = 0; i < MAX_DEPTH; i++) {
            String type = string(t.getProperty(PN_RESOURCE_TYPE));
            if (articleType.equals(type)) {
                return Embargo.embargoed(string(t.getProperty(Embargo.PN_PUBLISHED)), System.currentTimeMillis());
            }
            if (type == null && NT_PAGE.equals(string(t.getProperty(PN_PRIMARY_TYPE)))) {
                // an AEM page article (docs/aem.md): the page and all below it follow the date on its jcr:content
                Tree content = t.getChild(NN_CONTENT);
                String pageType = content.exists() ? string(content.getProperty(PN_RESOURCE_TYPE)) : null;
                if (articleType.equals(pageType)) {
                    return Embargo.embargoed(
                            string(content.getProperty(Embargo.PN_PUBLISHED)), System.currentTimeMillis());
                }
                if (pageType != null && CONTAINERS.contains(pageType)) {
                    return false;
                }
            }
            if (type != null && CONTAINERS.contains(type) || t.isRoot()) {
                return false;
            }
            t = t.getParent();
        }
        return false;
    }

    /**
     * A path alone says nothing about an article's date: not matched. Oak asks this for permission checks of items
     * that are not read (hasPermission of a path, the parent of a new item), never to show content.
     */
    @Override
    public boolean matches(@NotNull String path) {
        return false;
    }

    @Override
    public boolean matches() {
        return false;
    }

    private static @Nullable String string(@Nullable PropertyState property) {
        if (property == null || property.isArray()) {
            return null;
        }
        return property.getValue(Type.STRING);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbargoPattern other && other.articleType.equals(articleType);
    }

    @Override
    public int hashCode() {
        return articleType.hashCode();
    }

    @Override
    public String toString() {
        return "EmbargoPattern[" + articleType + "]";
    }
}
