package dev.newsfeed.impl.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static final Cursor CURSOR = new Cursor(1641811200000L, "0859dc03-5c65-5564-b77d-a272e2cf9caf");

    @Test
    void roundTrips() {
        assertEquals(CURSOR, Cursor.decode(CURSOR.encode()));
        assertTrue(CURSOR.encode().matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void refusesAnEditedCursor() {
        String text = new String(Base64.getUrlDecoder().decode(CURSOR.encode()), StandardCharsets.US_ASCII);
        String edited = text.replace("1641811200000", "1641811200001");
        assertNull(Cursor.decode(
                Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.US_ASCII))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "!!!", "MS4xLjI", "bm90IGEgY3Vyc29y", "MS4xNjQyNzQ4NDAwMDAwLjxzY3JpcHQ-LmFi"})
    void refusesGarbage(String garbage) {
        assertNull(Cursor.decode(garbage));
        assertNull(Cursor.decode("x".repeat(300)));
    }

    @Test
    void ordersNewestFirstThenByIdDescending() {
        assertTrue(CURSOR.isBefore(CURSOR.publishedMillis() - 1, "ffff"));
        assertTrue(CURSOR.isBefore(CURSOR.publishedMillis(), "0000"));
        assertFalse(CURSOR.isBefore(CURSOR.publishedMillis(), CURSOR.id()));
        assertFalse(CURSOR.isBefore(CURSOR.publishedMillis() + 1, "0000"));
    }

    @Test
    void validatesLimits() {
        assertEquals(20, PageRequest.parse(null, null).request().limit());
        assertEquals(100, PageRequest.parse("100", null).request().limit());
        for (String bad : new String[] {"0", "101", "-1", "ten", "1.5", ""}) {
            assertEquals("limit", PageRequest.parse(bad, null).errors().get(0).field(), bad);
        }
        assertEquals("cursor", PageRequest.parse("5", "garbage").errors().get(0).field());
    }
}
