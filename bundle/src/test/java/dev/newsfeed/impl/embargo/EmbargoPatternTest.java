package dev.newsfeed.impl.embargo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.apache.jackrabbit.oak.api.PropertyState;
import org.apache.jackrabbit.oak.api.Tree;
import org.apache.jackrabbit.oak.api.Type;
import org.junit.jupiter.api.Test;

class EmbargoPatternTest {

    private final EmbargoPattern pattern = new EmbargoPattern(Embargo.ARTICLE_TYPE);

    @Test
    void matchesADraftAndEverythingBelowIt() {
        Tree site = tree(null, Map.of("sling:resourceType", "newsfeed/site"));
        Tree article = tree(site, Map.of("sling:resourceType", "newsfeed/article"));
        Tree image = tree(tree(article, Map.of()), Map.of());
        assertTrue(pattern.matches(article, null));
        assertTrue(pattern.matches(image, null));
    }

    @Test
    void matchesAScheduledArticleOnlyUntilItsPublishInstant() {
        Tree day = tree(null, Map.of("sling:resourceType", "newsfeed/archive"));
        Tree scheduled = tree(
                day, Map.of("sling:resourceType", "newsfeed/article", "published", "2099-01-01T00:00:00.000+04:00"));
        Tree live = tree(
                day, Map.of("sling:resourceType", "newsfeed/article", "published", "2022-01-10T14:40:00.000+04:00"));
        assertTrue(pattern.matches(scheduled, null));
        assertFalse(pattern.matches(live, null));
        assertFalse(pattern.matches(tree(live, Map.of()), null));
    }

    @Test
    void neverMatchesArchiveFoldersSitesOrOtherContent() {
        Tree root = tree(null, Map.of());
        Tree site = tree(root, Map.of("sling:resourceType", "newsfeed/site"));
        Tree day = tree(site, Map.of("sling:resourceType", "newsfeed/archive"));
        Tree folder = tree(root, Map.of("jcr:primaryType", "sling:Folder"));
        assertFalse(pattern.matches(site, null));
        assertFalse(pattern.matches(day, null));
        assertFalse(pattern.matches(folder, null));
        assertFalse(pattern.matches("/content/newsfeed/day/articles/2099/01/01/time-capsule-opens"));
        assertFalse(pattern.matches());
    }

    @Test
    void matchesAScheduledPageArticleWithItsContentAndNotItsFolderPages() {
        Tree site = tree(null, Map.of("sling:resourceType", "newsfeed/site"));
        Tree day = page(site, Map.of("sling:resourceType", "newsfeed/archive", "jcr:title", "2099-01-01"));
        Tree scheduled = page(
                day, Map.of("sling:resourceType", "newsfeed/article", "published", "2099-01-01T00:00:00.000+04:00"));
        Tree live = page(
                day, Map.of("sling:resourceType", "newsfeed/article", "published", "2022-01-10T14:40:00.000+04:00"));
        assertTrue(pattern.matches(scheduled, null));
        assertTrue(pattern.matches(scheduled.getChild("jcr:content"), null));
        assertTrue(pattern.matches(tree(scheduled, Map.of()), null));
        assertFalse(pattern.matches(live, null));
        assertFalse(pattern.matches(live.getChild("jcr:content"), null));
        assertFalse(pattern.matches(day, null));
        assertFalse(pattern.matches(day.getChild("jcr:content"), null));
    }

    /** A cq:Page with a jcr:content of these properties. */
    private static Tree page(Tree parent, Map<String, String> content) {
        Tree page = tree(parent, Map.of("jcr:primaryType", "cq:Page"));
        Tree contentTree = tree(page, content);
        when(contentTree.exists()).thenReturn(true);
        when(page.getChild("jcr:content")).thenReturn(contentTree);
        return page;
    }

    private static Tree tree(Tree parent, Map<String, String> properties) {
        Tree tree = mock(Tree.class);
        when(tree.isRoot()).thenReturn(parent == null);
        if (parent != null) {
            when(tree.getParent()).thenReturn(parent);
        } else {
            when(tree.getParent()).thenThrow(new IllegalStateException("root"));
        }
        Map<String, PropertyState> states = new HashMap<>();
        properties.forEach((name, value) -> {
            PropertyState state = mock(PropertyState.class);
            when(state.isArray()).thenReturn(false);
            when(state.getValue(Type.STRING)).thenReturn(value);
            states.put(name, state);
        });
        when(tree.getProperty(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(inv -> states.get(inv.getArgument(0, String.class)));
        return tree;
    }
}
