package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DayEntriesTest {

    private static final DayEntries.Entry A = new DayEntries.Entry(1_000, "id-a", "a");
    private static final DayEntries.Entry B = new DayEntries.Entry(2_000, "id-b", "b");
    private static final DayEntries.Entry C = new DayEntries.Entry(2_000, "id-c", "c");

    @Test
    void fingerprintsTheSetWhateverItsOrder() {
        assertEquals(DayEntries.fingerprint(List.of(A, B, C)), DayEntries.fingerprint(List.of(C, A, B)));
        assertNotEquals(0, DayEntries.fingerprint(List.of()));
    }

    @Test
    void anyChangeOfAnEntryChangesTheFingerprint() {
        long base = DayEntries.fingerprint(List.of(A, B));
        assertNotEquals(base, DayEntries.fingerprint(List.of(A)));
        assertNotEquals(base, DayEntries.fingerprint(List.of(A, new DayEntries.Entry(2_001, "id-b", "b"))));
        assertNotEquals(base, DayEntries.fingerprint(List.of(A, new DayEntries.Entry(2_000, "id-x", "b"))));
        assertNotEquals(base, DayEntries.fingerprint(List.of(A, new DayEntries.Entry(2_000, "id-b", "b-2"))));
        // the separator keeps ("ab", "c") apart from ("a", "bc")
        assertNotEquals(DayEntries.fingerprint(List.of(new DayEntries.Entry(1, "ab", "c"))),
                DayEntries.fingerprint(List.of(new DayEntries.Entry(1, "a", "bc"))));
    }

    @Test
    void sortsNewestFirstThenByGreaterId() {
        List<DayEntries.Entry> list = new ArrayList<>(List.of(A, B, C));
        list.sort(DayEntries.NEWEST_FIRST);
        assertEquals(List.of(C, B, A), list);
    }

    @Test
    void remembersADayOnlyUnderItsFingerprintAndStaysBounded() {
        String day = "/content/newsfeed/test-days/articles/2022/01/10";
        DayEntries.put(day, 42, List.of(B, A));
        assertEquals(List.of(B, A), DayEntries.get(day, 42));
        assertNull(DayEntries.get(day, 43), "another fingerprint: the day changed, read it again");

        List<DayEntries.Entry> big = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            big.add(new DayEntries.Entry(i, "id-" + i, "n" + i));
        }
        for (int d = 0; d < DayEntries.MAX_ENTRIES / 1_000 + 50; d++) {
            DayEntries.put("/content/newsfeed/test-days/articles/big/" + d, 7, big);
        }
        assertTrue(DayEntries.cachedDays() <= DayEntries.MAX_ENTRIES / 1_000 + 1, "bounded by entries");
        assertNull(DayEntries.get(day, 42), "the least recently used day was forgotten");
        assertEquals(big, DayEntries.get("/content/newsfeed/test-days/articles/big/" + (DayEntries.MAX_ENTRIES / 1_000
                + 49), 7));
    }
}
