package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import dev.newsfeed.impl.paging.Cursor;
import org.junit.jupiter.api.Test;

/** A day's order as the index keeps it, and where a page starts in it. */
class DayOrderTest {

    private static final DayOrder DAY = DayOrder.of(List.of(
            new DayOrder.Item(1_000, "a", "morning"),
            new DayOrder.Item(3_000, "c", "evening"),
            new DayOrder.Item(2_000, "b", "noon-b"),
            new DayOrder.Item(2_000, "d", "noon-d")));

    @Test
    void keepsTheNewestFirstAndTheGreaterIdFirstAtTheSameTime() {
        assertArrayEquals(new String[] {"evening", "noon-d", "noon-b", "morning"}, DAY.names());
        assertArrayEquals(new long[] {3_000, 2_000, 2_000, 1_000}, DAY.published());
        assertArrayEquals(new String[] {"c", "d", "b", "a"}, DAY.ids());
    }

    @Test
    void startsAfterWhatIsNotLiveYetAndAfterTheCursor() {
        assertEquals(0, DAY.start(3_000, null));
        assertEquals(1, DAY.start(2_999, null), "the evening article is not live at 2,999");
        assertEquals(2, DAY.start(5_000, new Cursor(2_000, "d")), "the same time, a smaller id comes next");
        assertEquals(3, DAY.start(5_000, new Cursor(2_000, "b")));
        assertEquals(4, DAY.start(5_000, new Cursor(1_000, "a")), "nothing after the last");
        assertEquals(4, DAY.start(500, null), "nothing live yet");
    }

    @Test
    void refusesListsOfDifferentLengths() {
        assertThrows(
                IllegalArgumentException.class, () -> new DayOrder(new long[] {1}, new String[] {"a"}, new String[0]));
    }
}
