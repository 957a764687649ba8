package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import dev.newsfeed.impl.archive.ArchiveIndexer;
import org.junit.jupiter.api.Test;

/** When the going-live check writes its time (an idle site must not be written every 15 s by every instance). */
class GoingLiveCheckTest {

    private static final Instant NOW = Instant.parse("2022-03-15T12:00:00Z");

    @Test
    void writesOnTheFirstCheckAndWhenArticlesWentLive() {
        assertTrue(GoingLiveCheck.recordCheck(null, false, NOW));
        assertTrue(GoingLiveCheck.recordCheck(NOW.minusSeconds(15).toEpochMilli(), true, NOW));
    }

    @Test
    void leavesAnIdleSiteAloneUntilHalfTheKeptWindowHasPassed() {
        long recent = NOW.minusSeconds(15).toEpochMilli();
        assertFalse(GoingLiveCheck.recordCheck(recent, false, NOW));
        Duration half = ArchiveIndexer.RECENTLY_LIVE.dividedBy(2);
        assertFalse(GoingLiveCheck.recordCheck(NOW.minus(half).plusMillis(1).toEpochMilli(), false, NOW));
        assertTrue(GoingLiveCheck.recordCheck(NOW.minus(half).toEpochMilli(), false, NOW));
        // so the next check never starts further back than the index keeps the instants that went live
        assertTrue(half.plusSeconds(15).compareTo(ArchiveIndexer.RECENTLY_LIVE) < 0);
    }
}
