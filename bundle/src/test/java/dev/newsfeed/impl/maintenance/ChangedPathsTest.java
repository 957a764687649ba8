package dev.newsfeed.impl.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.content.SiteSettings;
import org.junit.jupiter.api.Test;

/** What the listener makes of a changed path. */
class ChangedPathsTest {

    private static final SiteSettings SITE = NewsfeedTestContext.DAY;
    private static final String ARCHIVE = SITE.archivePath();

    @Test
    void sortsPathsIntoSites() {
        assertEquals(
                Set.of("/content/newsfeed/day", "/content/newsfeed/night"),
                ChangedPaths.sitesOf(
                        List.of("/content/newsfeed/day/articles/2022", "/content/newsfeed/night", "/content/other/x")));
    }

    @Test
    void aChangeOfAPageContentIsAChangeOfThePageArticleFolderOrDraft() {
        ChangedPaths.OfSite changed = ChangedPaths.of(
                SITE,
                List.of(
                        ARCHIVE + "/2022/01/10/page/jcr:content",
                        ARCHIVE + "/2022/01/10/page/jcr:content/image",
                        ARCHIVE + "/2022/01/11/jcr:content",
                        SITE.path() + "/drafts/idea/jcr:content",
                        SITE.path() + "/jcr:content"));
        assertEquals(
                Set.of(ARCHIVE + "/2022/01/10/page", ARCHIVE + "/2022/01/11", SITE.path() + "/drafts/idea"),
                changed.articles());
    }

    @Test
    void tellsArticlesFromCommentThreadsAndWhatLiesInsideArticles() {
        assertEquals("abc", ChangedPaths.threadOf(SITE, SITE.path() + "/comments/abc/c1"));
        assertEquals("abc", ChangedPaths.threadOf(SITE, SITE.path() + "/comments/abc"));
        assertNull(ChangedPaths.threadOf(SITE, ARCHIVE + "/2022/01/10/a"));
        assertFalse(ChangedPaths.isInsideArticle(SITE, ARCHIVE + "/2022/01/10/a"));
        assertTrue(ChangedPaths.isInsideArticle(SITE, ARCHIVE + "/2022/01/10/a/jcr:content"));
        assertFalse(ChangedPaths.isInsideArticle(SITE, SITE.path() + "/drafts/a"));
        assertTrue(ChangedPaths.isInsideArticle(SITE, SITE.path() + "/drafts/a/image"));

        ChangedPaths.OfSite changed = ChangedPaths.of(
                SITE,
                List.of(
                        ARCHIVE + "/2022/01/10/a",
                        ARCHIVE + "/2022/01/10/a/image",
                        SITE.path() + "/comments/abc/c1",
                        "/content/newsfeed/night/x"));
        assertEquals(Set.of(ARCHIVE + "/2022/01/10/a"), changed.articles());
        assertEquals(Set.of("abc"), changed.threads());
    }

    @Test
    void aChangedFolderConcernsEveryDayInIt() {
        assertEquals(Set.of(LocalDate.of(2022, 1, 10)), ArchiveClerk.daysOf(SITE, ARCHIVE + "/2022/01/10/a"));
        assertEquals(28, ArchiveClerk.daysOf(SITE, ARCHIVE + "/2022/02").size());
        assertEquals(365, ArchiveClerk.daysOf(SITE, ARCHIVE + "/2022").size());
        assertEquals(Set.of(), ArchiveClerk.daysOf(SITE, ARCHIVE + "/notes"));
        assertEquals(Set.of(), ArchiveClerk.daysOf(SITE, SITE.path() + "/drafts/a"));
    }
}
