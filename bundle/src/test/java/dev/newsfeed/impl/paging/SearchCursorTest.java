package dev.newsfeed.impl.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private static final String SITE = "/content/newsfeed/day";

    @Test
    void roundTripsForItsQueryOnly() {
        SearchCursor cursor = SearchCursor.after(20, SITE, "artsakh");
        String token = cursor.encode();
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(cursor, SearchCursor.decode(token, SITE, "artsakh"));
        assertNull(SearchCursor.decode(token, SITE, "Artsakh"));
        assertNull(SearchCursor.decode(token, "/content/newsfeed/night", "artsakh"));
    }

    @Test
    void refusesAnEditedOffsetAndOtherTokens() {
        String token = SearchCursor.after(20, SITE, "artsakh").encode();
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        String edited = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.replace(".20.", ".0.").getBytes(StandardCharsets.US_ASCII));
        assertNull(SearchCursor.decode(edited, SITE, "artsakh"));
        assertNull(SearchCursor.decode(new Cursor(1L, "abc").encode(), SITE, "artsakh"));
        assertNull(SearchCursor.decode("x".repeat(300), SITE, "artsakh"));
        assertNull(SearchCursor.decode(null, SITE, "artsakh"));
    }

    @Test
    void anOffsetIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> SearchCursor.after(0, SITE, "a"));
        assertThrows(IllegalArgumentException.class, () -> SearchCursor.after(-5, SITE, "a"));
    }
}
