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
