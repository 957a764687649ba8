package dev.newsfeed.impl.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.archive.ArchiveIndexer;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.paging.AuthorCursor;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The authors' list over the archive fixture (indexed by the clerk on Oak) with two drafts. */
@ExtendWith(SlingContextExtension.class)
class AuthorListingTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private SiteSettings site;

    @BeforeEach
    void setUp() throws Exception {
        context.load().json("/archive/test-content.json", SITE);
        context.resourceResolver()
                .getResource(SITE + "/drafts/draft")
                .adaptTo(org.apache.sling.api.resource.ModifiableValueMap.class)
                .put("jcr:lastModified", Dates.calendar(Instant.parse("2026-01-01T00:00:00Z")));
        context.create()
                .resource(
                        SITE + "/drafts/newer",
                        Map.of(
                                "jcr:primaryType",
                                "nt:unstructured",
                                "sling:resourceType",
                                "newsfeed/article",
                                "jcr:title",
                                "Newer draft",
                                "jcr:lastModified",
                                Dates.calendar(Instant.parse("2026-02-01T00:00:00Z"))));
        context.resourceResolver().commit();
        site = SiteSettings.from(context.resourceResolver().getResource(SITE));
        ArchiveIndexer.rebuild(context.resourceResolver(), site, NOW);
    }

    @Test
    void listsDraftsFirstThenEveryDatedArticleNewestFirst() {
        assertEquals(
                List.of("Newer draft", "Draft", "Capsule", "Concert", "Night", "Snow", "Evening", "Seed", "Metro"),
                all(query(AuthorListing.Status.ALL, null, null), 100));
    }

    @Test
    void filtersByStatus() {
        assertEquals(List.of("Newer draft", "Draft"), all(query(AuthorListing.Status.DRAFT, null, null), 100));
        assertEquals(List.of("Capsule"), all(query(AuthorListing.Status.SCHEDULED, null, null), 100));
        assertEquals(
                List.of("Concert", "Night", "Snow", "Evening", "Seed", "Metro"),
                all(query(AuthorListing.Status.PUBLISHED, null, null), 100));
    }

    @Test
    void filtersByMonthOfTheSiteZoneAndLeavesDraftsOut() {
        assertEquals(
                List.of("Snow", "Evening", "Seed"),
                all(query(AuthorListing.Status.ALL, null, YearMonth.of(2022, 1)), 100));
        assertEquals(
                List.of("Night"),
                all(query(AuthorListing.Status.PUBLISHED, null, YearMonth.of(2022, 2)), 100),
                "01:30 in Yerevan on February 1 is January 31 in UTC");
        assertEquals(List.of(), all(query(AuthorListing.Status.SCHEDULED, null, YearMonth.of(2022, 1)), 100));
    }

    @Test
    void findsTitlesCaseInsensitively() {
        assertEquals(List.of("Newer draft", "Draft"), all(query(AuthorListing.Status.ALL, "DRAFT", null), 100));
        assertEquals(List.of("Night"), all(query(AuthorListing.Status.ALL, "nig", null), 100));
    }

    @Test
    void pagesWithoutLosingOrRepeating() {
        List<String> expected = all(query(AuthorListing.Status.ALL, null, null), 100);
        for (int limit = 1; limit <= 4; limit++) {
            assertEquals(expected, all(query(AuthorListing.Status.ALL, null, null), limit), "limit " + limit);
        }
    }

    @Test
    void readsABoundedNumberOfArticlesPerPageAndContinues() {
        AuthorListing.Query metro = query(AuthorListing.Status.ALL, "metro", null);
        AuthorListing.Slice first = list(metro, null, 10, 2);
        assertEquals(List.of(), titles(first.articles()), "the budget is spent before Metro is reached");
        assertNotNull(first.next());
        List<String> found = new ArrayList<>();
        int pages = 0;
        for (AuthorCursor cursor = null; pages == 0 || cursor != null; pages++) {
            AuthorListing.Slice slice = list(metro, cursor, 10, 2);
            found.addAll(titles(slice.articles()));
            cursor = slice.next();
        }
        assertEquals(List.of("Metro"), found);
        assertTrue(pages > 2, "pages " + pages);
    }

    @Test
    void endsWithoutACursor() {
        assertNull(list(query(AuthorListing.Status.SCHEDULED, null, null), null, 10, 1000)
                .next());
    }

    private static AuthorListing.Query query(AuthorListing.Status status, String title, YearMonth month) {
        return new AuthorListing.Query(status, title, month);
    }

    private AuthorListing.Slice list(AuthorListing.Query query, AuthorCursor after, int limit, int budget) {
        return AuthorListing.list(
                context.resourceResolver(),
                site,
                new ResourceArchiveIndex(context.resourceResolver(), SITE),
                query,
                after,
                limit,
                NOW,
                budget);
    }

    /** Every title of the list, read page by page, the cursor going through its text form. */
    private List<String> all(AuthorListing.Query query, int limit) {
        List<String> titles = new ArrayList<>();
        AuthorCursor cursor = null;
        do {
            AuthorListing.Slice slice = list(query, cursor, limit, AuthorListing.DEFAULT_BUDGET);
            titles.addAll(titles(slice.articles()));
            cursor = slice.next() == null
                    ? null
                    : AuthorCursor.decode(slice.next().encode());
        } while (cursor != null);
        return titles;
    }

    private static List<String> titles(List<Article> articles) {
        return articles.stream().map(Article::title).toList();
    }
}
