package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the sample site, read by a real feed parser (Rome). */
class SyndicationIT {

    private static final String SITE = "/content/newsfeed/day";
    private static final String REUSE = "Media can quote materials with a hyperlink to the material quoted.";
    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
    }

    @Test
    void servesRss2WithTheReuseNoticeAsCopyright() throws Exception {
        HttpResponse<String> response = sling.get(SITE + ".rss");
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("application/rss+xml"));
        SyndFeed feed = parse(response);
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals("Day newsfeed", feed.getTitle());
        assertEquals(REUSE, feed.getCopyright());
        assertEntries(feed);
    }

    @Test
    void servesAtom1WithTheReuseNoticeAsRights() throws Exception {
        HttpResponse<String> response = sling.get(SITE + ".atom");
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("application/atom+xml"));
        SyndFeed feed = parse(response);
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(REUSE, feed.getCopyright());
        assertEntries(feed);
        SyndEntry seed = feed.getEntries().stream()
                .filter(e -> e.getTitle().startsWith("Artsakh"))
                .findFirst()
                .orElseThrow();
        assertTrue(seed.getContents().get(0).getValue().contains("<blockquote>"));
        assertEquals("urn:uuid:0859dc03-5c65-5564-b77d-a272e2cf9caf", seed.getUri());
    }

    @Test
    void servesJsonFeed11() {
        HttpResponse<String> response = sling.get(SITE + ".feed.jsonfeed");
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("application/feed+json"));
        JsonNode feed = json(response);
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
        assertEquals(REUSE, feed.at("/_newsfeed/rights").asText());
        JsonNode items = feed.path("items");
        assertTrue(items.size() >= 13);
        for (JsonNode item : items) {
            assertTrue(
                    item.path("id").asText().startsWith("urn:uuid:"),
                    item.path("id").asText());
            assertTrue(item.has("content_html"));
            assertTrue(item.path("date_published").asText().endsWith("+04:00"));
        }
        OpenApi.assertValid("JsonFeed", feed);
    }

    @Test
    void givesEachArticleTheSameIdInEveryFormat() throws Exception {
        List<String> json = new ArrayList<>();
        json(sling.get(SITE + ".feed.jsonfeed"))
                .path("items")
                .forEach(item -> json.add(item.path("id").asText()));
        List<String> atom = parse(sling.get(SITE + ".atom")).getEntries().stream()
                .map(SyndEntry::getUri)
                .toList();
        List<String> rss = parse(sling.get(SITE + ".rss")).getEntries().stream()
                .map(SyndEntry::getUri)
                .toList();
        assertEquals(atom, json);
        assertEquals(atom, rss);
    }

    @Test
    void neverListsDraftsOrScheduledArticles() throws Exception {
        for (String format : List.of(".rss", ".atom", ".feed.jsonfeed")) {
            String body = sling.get(SITE + format).body();
            assertFalse(body.contains("Time capsule"), format);
            assertFalse(body.contains("spring season"), format);
        }
    }

    private static void assertEntries(SyndFeed feed) {
        assertTrue(
                feed.getEntries().size() >= 13, "entries: " + feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            assertFalse(entry.getTitle().isEmpty());
            assertTrue(entry.getLink().startsWith(sling.baseUrl() + SITE + "/articles/"), entry.getLink());
            assertTrue(entry.getPublishedDate() != null);
        }
        for (int i = 1; i < feed.getEntries().size(); i++) {
            assertFalse(
                    feed.getEntries()
                            .get(i)
                            .getPublishedDate()
                            .after(feed.getEntries().get(i - 1).getPublishedDate()),
                    "newest first");
        }
    }

    private static SyndFeed parse(HttpResponse<String> response) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        return input.build(new StringReader(response.body()));
    }
}
