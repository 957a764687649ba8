package dev.newsfeed.impl.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FeedQueryTest {

    private static final ZoneId YEREVAN = ZoneId.of("Asia/Yerevan");
    private static final Instant NOW = Instant.parse("2022-03-15T12:00:00Z");

    @Test
    void boundsDatesBySiteZoneAndUsesTheTaggedIndex() {
        FeedQuery q = FeedQuery.parse("/content/newsfeed/day", "7", null, "politics", "2022-02-01", "2022-02-01")
                .query();
        String sql = q.statement(YEREVAN, NOW);
        assertTrue(sql.contains("ISDESCENDANTNODE(a, '/content/newsfeed/day/articles')"), sql);
        assertTrue(sql.contains("a.[published] >= CAST('2022-01-31T20:00:00.000Z' AS DATE)"), sql);
        assertTrue(sql.contains("a.[published] < CAST('2022-02-01T20:00:00.000Z' AS DATE)"), sql);
        assertTrue(sql.contains("a.[published] <= CAST('2022-03-15T12:00:00.000Z' AS DATE)"), sql);
        assertTrue(sql.endsWith("ORDER BY a.[published] DESC, a.[jcr:uuid] DESC OPTION(INDEX TAG newsfeed)"), sql);
        assertEquals(7, q.page().limit());
    }

    @Test
    void escapesValuesIntoTheStatement() {
        String sql = FeedQuery.parse("/content/newsfeed/o'neil", null, null, "x' OR 1=1 --", null, null)
                .query()
                .statement(YEREVAN, NOW);
        assertTrue(sql.contains("'/content/newsfeed/o''neil/articles'"), sql);
        assertTrue(sql.contains("a.[tags] = 'x'' OR 1=1 --'"), sql);
    }

    @Test
    void narrowsToAWindowWhenAsked() {
        FeedQuery q =
                FeedQuery.parse("/s", null, null, null, "2022-03-10", null).query();
        assertTrue(q.statement(YEREVAN, NOW, NOW.minusSeconds(3600)).contains("CAST('2022-03-15T11:00:00.000Z'"));
        // a window reaching before "from" keeps "from"
        assertTrue(q.statement(YEREVAN, NOW, Instant.parse("2020-01-01T00:00:00Z"))
                .contains("CAST('2022-03-09T20:00:00.000Z'"));
    }

    @Test
    void refusesBadParameters() {
        assertNull(FeedQuery.parse("/s", "0", null, null, null, null).query());
        assertNull(FeedQuery.parse("/s", null, null, null, "2022-02-30", null).query());
        assertNull(FeedQuery.parse("/s", null, null, null, "0000-01-01", null).query());
        assertNull(FeedQuery.parse("/s", null, null, null, "2022-02-02", "2022-02-01")
                .query());
        assertNull(FeedQuery.parse("/s", null, null, "", null, null).query());
        assertEquals(
                "from",
                FeedQuery.parse("/s", null, null, null, "02/01/2022", null)
                        .errors()
                        .get(0)
                        .field());
        assertNotNull(FeedQuery.parse("/s", null, null, null, "2022-02-01", "2022-02-01")
                .query());
    }

    @Test
    void recognisesPlansThatUseTheIndex() {
        assertTrue(
                FeedReader.usesIndex("[nt:unstructured] as [a] /* lucene:newsfeedArticles-custom-1(/oak:index/x) */"));
        assertTrue(!FeedReader.usesIndex("[nt:unstructured] as [a] /* traverse \"/content//*\" */"));
    }
}
