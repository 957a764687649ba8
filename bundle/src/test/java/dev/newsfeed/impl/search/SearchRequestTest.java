package dev.newsfeed.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.paging.SearchCursor;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    private static final String SITE = "/content/newsfeed/day";

    @Test
    void defaultsAndBounds() {
        SearchRequest r = SearchRequest.parse(SITE, "artsakh", null, null).request();
        assertNotNull(r);
        assertEquals(10, r.limit());
        assertEquals(0, r.offset());
        assertEquals(50, SearchRequest.parse(SITE, "a", "50", null).request().limit());
        for (String bad : List.of("0", "51", "x", "-1", "1e3")) {
            SearchRequest.Parsed parsed = SearchRequest.parse(SITE, "a", bad, null);
            assertNull(parsed.request(), bad);
            assertFalse(parsed.badQuery());
            assertEquals("limit", parsed.errors().get(0).field());
        }
    }

    @Test
    void aBadQueryIsAnInvalidQueryWithEveryError() {
        SearchRequest.Parsed parsed = SearchRequest.parse(SITE, "title:x", "0", "forged");
        assertTrue(parsed.badQuery());
        assertEquals(
                List.of("q", "limit", "cursor"),
                parsed.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void theNextPageContinuesTheSameQuery() {
        SearchRequest first =
                SearchRequest.parse(SITE, "  Artsakh  \"state of\" ", "5", null).request();
        String next = first.nextQuery(5);
        assertTrue(next.startsWith("?q=Artsakh+%22state+of%22&limit=5&cursor="), next);
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        String q = URLDecoder.decode(next.substring(3, next.indexOf('&')), StandardCharsets.UTF_8);
        SearchRequest second = SearchRequest.parse(SITE, q, "5", cursor).request();
        assertNotNull(second);
        assertEquals(5, second.offset());
        // the same query written differently is the same query
        assertEquals(
                5,
                SearchRequest.parse(SITE, "Artsakh \"state   of\"", "7", cursor)
                        .request()
                        .offset());
    }

    @Test
    void refusesACursorOfAnotherQueryOrSiteOrAForgedOne() {
        String cursor = SearchCursor.after(10, SITE, "artsakh").encode();
        assertNotNull(SearchRequest.parse(SITE, "artsakh", null, cursor).request());
        for (SearchRequest.Parsed parsed : List.of(
                SearchRequest.parse(SITE, "kazakhstan", null, cursor),
                SearchRequest.parse("/content/newsfeed/other", "artsakh", null, cursor),
                SearchRequest.parse(SITE, "artsakh", null, cursor.substring(1)),
                SearchRequest.parse(SITE, "artsakh", null, "MS4xLjI"))) {
            assertNull(parsed.request());
            assertFalse(parsed.badQuery());
            assertEquals("cursor", parsed.errors().get(0).field());
        }
    }
}
