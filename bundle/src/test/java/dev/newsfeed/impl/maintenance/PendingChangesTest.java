package dev.newsfeed.impl.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The listener's queue coalesces repeated paths and turns a bulk change into one rebuild per site once it is quiet. */
class PendingChangesTest {

    private static final String DAY = "/content/newsfeed/day";
    private static final String NIGHT = "/content/newsfeed/night";

    @Test
    void keepsEachPathOnceAndTellsWhenADrainIsDue() {
        PendingChanges pending = new PendingChanges(10);
        assertTrue(pending.add(List.of(DAY + "/a", DAY + "/b"), 0), "the first change schedules a drain");
        assertFalse(pending.add(List.of(DAY + "/a"), 0), "a drain is already due");
        PendingChanges.Batch batch = pending.take(0);
        assertEquals(List.of(DAY + "/a", DAY + "/b"), batch.paths());
        assertEquals(List.of(), batch.rebuilds());
        assertFalse(batch.later());
        assertTrue(pending.take(0).isEmpty());
        assertTrue(pending.add(List.of(DAY + "/c"), 0), "an emptied queue schedules again");
    }

    @Test
    void aBulkChangeBecomesOneRebuildPerSiteOnceQuiet() {
        PendingChanges pending = new PendingChanges(2);
        pending.add(List.of(DAY + "/a", DAY + "/b", NIGHT + "/c"), 100);
        PendingChanges.Batch early = pending.take(99);
        assertTrue(early.paths().isEmpty() && early.rebuilds().isEmpty(), "the paths are dropped, nothing due yet");
        assertTrue(early.later());
        pending.add(List.of(DAY + "/d"), 200);
        PendingChanges.Batch night = pending.take(150);
        assertEquals(List.of(NIGHT), night.rebuilds());
        assertEquals(List.of(), night.paths(), "a change of a site waiting for its rebuild only pushes it back");
        assertTrue(night.later());
        PendingChanges.Batch day = pending.take(200);
        assertEquals(List.of(DAY), day.rebuilds());
        assertFalse(day.later());
    }

    @Test
    void aFailedBatchComesBackWithItsRebuildsDue() {
        PendingChanges pending = new PendingChanges(10);
        PendingChanges.Batch failed = new PendingChanges.Batch(List.of(DAY + "/a"), List.of(NIGHT), false);
        pending.putBack(failed, 50);
        assertFalse(pending.add(List.of(DAY + "/b"), 0));
        PendingChanges.Batch again = pending.take(50);
        assertEquals(List.of(DAY + "/a", DAY + "/b"), again.paths());
        assertEquals(List.of(NIGHT), again.rebuilds());
    }
}
