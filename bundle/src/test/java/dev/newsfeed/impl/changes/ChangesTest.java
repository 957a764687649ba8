package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private static final SiteSettings SITE = NewsfeedTestContext.DAY;
    private static final Instant NOW = Instant.parse("2022-06-01T00:00:00Z");
    private static final String PATH = "/content/newsfeed/day/articles/2022/01/10/a";

    @Test
    void tokensRoundTripAndRefuseForgeries() {
        ChangesToken token = new ChangesToken("20220110-104000123-abcdefgh");
        assertEquals(token, ChangesToken.decode(token.encode()));
        // the token given out before ChangesToken used the shared codec: clients holding one keep their place
        assertEquals("MS4yMDIyMDExMC0xMDQwMDAxMjMtYWJjZGVmZ2gudWVkazBORHQ", token.encode());
        assertEquals(Instant.parse("2022-01-10T10:40:00.123Z"), token.time());
        assertNull(ChangesToken.decode("forged"));
        assertNull(ChangesToken.decode(token.encode().substring(1)));
        assertNull(ChangesToken.decode(new ChangesToken("20221340-104000123-abcdefgh").encode()));
    }

    @Test
    void anEditPurgesTheArticleAndItsListingsButNoCalendar() {
        RegisteredArticle before = new RegisteredArticle(
                "id", PATH, Instant.parse("2022-01-10T10:00:00Z").toEpochMilli(), "h1");
        RegisteredArticle after = new RegisteredArticle("id", PATH, before.published(), "h2");
        Set<String> keys = ChangeRecorder.keys(SITE, before, after, NOW);
        assertEquals(
                Set.of(
                        "article:id",
                        "day:day:2022-01-10",
                        "month:day:2022-01",
                        "year:day:2022",
                        "archive:day",
                        "feed:day",
                        "changes:day"),
                keys);
    }

    @Test
    void aRedatePurgesBothDaysAndTheCalendars() {
        RegisteredArticle before = new RegisteredArticle(
                "id", PATH, Instant.parse("2022-01-10T10:00:00Z").toEpochMilli(), "h");
        RegisteredArticle after = new RegisteredArticle(
                "id",
                "/content/newsfeed/day/articles/2022/02/01/a",
                Instant.parse("2022-01-31T21:30:00Z").toEpochMilli(),
                "h");
        Set<String> keys = ChangeRecorder.keys(SITE, before, after, NOW);
        assertTrue(
                keys.containsAll(Set.of(
                        "day:day:2022-01-10",
                        "day:day:2022-02-01",
                        "month:day:2022-01",
                        "month:day:2022-02",
                        "calendar:day")),
                keys.toString());
    }

    @Test
    void aScheduledArticleIsNotPublicYet() {
        RegisteredArticle scheduled =
                new RegisteredArticle("id", PATH, NOW.plusSeconds(60).toEpochMilli(), "h");
        assertFalse(scheduled.visibleAt(NOW));
        assertEquals(Set.of("article:id", "changes:day"), ChangeRecorder.keys(SITE, null, scheduled, NOW));
    }
}
