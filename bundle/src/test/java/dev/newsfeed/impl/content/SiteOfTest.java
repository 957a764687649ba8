package dev.newsfeed.impl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SlingContextExtension.class)
class SiteOfTest {

    private final SlingContext context = new SlingContext(ResourceResolverType.RESOURCERESOLVER_MOCK);

    @BeforeEach
    void content() {
        site("/content/newsfeed/day", "newsfeed/site");
        archive("/content/newsfeed/day/articles/2022/01/10");
        article("/content/newsfeed/day/articles/2022/01/10/story");
        article("/content/newsfeed/day/articles/2022/01/10/articles"); // an article named like the archive root
        article("/content/newsfeed/day/articles/2022/01/10/drafts");
        article("/content/newsfeed/day/drafts/idea");
        site("/content/newsfeed/articles", "newsfeed/site"); // a site named like the archive root
        archive("/content/newsfeed/articles/articles/2022/01/10");
        article("/content/newsfeed/articles/articles/2022/01/10/story");
        context.create().resource("/apps/project/site", Map.of("sling:resourceSuperType", "newsfeed/site"));
        site("/content/project/home", "project/site"); // a project's own site type
        archive("/content/project/home/articles/2022/01/10");
        article("/content/project/home/articles/2022/01/10/story");
        context.create().resource("/content/elsewhere/articles/x", Map.of("sling:resourceType", "newsfeed/article"));
    }

    @ParameterizedTest
    @CsvSource({
        "/content/newsfeed/day/articles/2022/01/10/story,      /content/newsfeed/day",
        "/content/newsfeed/day/articles/2022/01/10/articles,   /content/newsfeed/day",
        "/content/newsfeed/day/articles/2022/01/10/drafts,     /content/newsfeed/day",
        "/content/newsfeed/day/articles/2022/01/10,            /content/newsfeed/day",
        "/content/newsfeed/day/articles/2022,                  /content/newsfeed/day",
        "/content/newsfeed/day/articles,                       /content/newsfeed/day",
        "/content/newsfeed/day/drafts/idea,                    /content/newsfeed/day",
        "/content/newsfeed/day,                                /content/newsfeed/day",
        "/content/newsfeed/articles/articles/2022/01/10/story, /content/newsfeed/articles",
        "/content/newsfeed/articles,                           /content/newsfeed/articles",
        "/content/project/home/articles/2022/01/10/story,      /content/project/home",
    })
    void findsTheSiteOfEveryResourceBelowIt(String path, String site) {
        Resource resource = context.resourceResolver().getResource(path);
        assertEquals(site, SiteSettings.siteOf(resource).map(Resource::getPath).orElse(null));
    }

    @Test
    void findsNoSiteOutsideSites() {
        assertEquals(
                Optional.empty(),
                SiteSettings.siteOf(context.resourceResolver().getResource("/content/elsewhere/articles/x")));
        assertEquals(Optional.empty(), SiteSettings.siteOf(null));
    }

    @Test
    void findsTheLastSegmentOfAName() {
        assertEquals(26, SiteSettings.segmentStart("/content/newsfeed/articles/articles/2022", "articles"));
        assertEquals(21, SiteSettings.segmentStart("/content/newsfeed/day/articles", "articles"));
        assertEquals(-1, SiteSettings.segmentStart("/content/newsfeed/day/articles-old/2022", "articles"));
        assertEquals(-1, SiteSettings.segmentStart("/content/newsfeed/day", "articles"));
    }

    private void site(String path, String type) {
        context.create().resource(path, Map.of("sling:resourceType", type, "timeZone", "Asia/Yerevan"));
    }

    private void archive(String path) {
        for (String p = path; p.contains("/articles"); p = p.substring(0, p.lastIndexOf('/'))) {
            if (context.resourceResolver().getResource(p) == null) {
                context.create().resource(p, Map.of("sling:resourceType", "newsfeed/archive"));
            }
        }
    }

    private void article(String path) {
        context.create().resource(path, Map.of("sling:resourceType", "newsfeed/article"));
    }
}
