package dev.newsfeed.impl.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModerationCursorTest {

    private static final ModerationCursor CURSOR = new ModerationCursor("pending", "20220110-104000123-k3j9x2qa");

    @Test
    void roundTrips() {
        assertEquals(CURSOR, ModerationCursor.decode(CURSOR.encode(), "pending"));
    }

    @Test
    void belongsToTheQueueItWasGivenOutFor() {
        assertNull(ModerationCursor.decode(CURSOR.encode(), "spam"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "1",
                "2022011",
                "20220110",
                "20220110-104000123-k3j9x2qa",
                "zzzzzzzzzzzz",
                "bTEucGVuZGluZy4yMDIyMDExMC0xMDQwMDAxMjMtazNqOXgycWEuQUFBQUFBQUE"
            })
    void refusesWhatItDidNotGiveOut(String garbage) {
        assertNull(ModerationCursor.decode(garbage, "pending"));
    }

    @Test
    void refusesAListCursorOfAnotherKind() {
        assertNull(ModerationCursor.decode(new Cursor(1L, "20220110-104000123-k3j9x2qa").encode(), "pending"));
    }

    @Test
    void carriesOnlyCommentIds() {
        assertThrows(IllegalArgumentException.class, () -> new ModerationCursor("pending", "0"));
        assertThrows(IllegalArgumentException.class, () -> new ModerationCursor("pending", "../x"));
    }
}
