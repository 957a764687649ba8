package dev.newsfeed.impl.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SyndicationTest {

    private static final SiteSettings SITE = new SiteSettings(
            "/content/newsfeed/day",
            "Day <&> news",
            ZoneId.of("Asia/Yerevan"),
            Locale.ENGLISH,
            DayOfWeek.MONDAY,
            "Quote with a link.",
            0,
            "pre",
            null);
    private static final Article ARTICLE = new Article(
            "0859dc03-5c65-5564-b77d-a272e2cf9caf",
            "/content/newsfeed/day/articles/2022/01/10/a",
            "Title with <b> & ]]> in it",
            "Lead",
            "<p>Body ]]> with <script>x</script></p>",
            "Newsroom",
            Instant.parse("2022-01-10T10:40:00Z"),
            Instant.parse("2022-01-10T10:40:00Z"),
            List.of("politics"),
            true);

    @Test
    void writesWellFormedRssWithEscapedTextAndSanitisedContent() throws Exception {
        String xml = new String(Syndication.rss(SITE, List.of(ARTICLE), "https://x.example", Instant.EPOCH), "UTF-8");
        Document doc = parse(xml);
        assertEquals("Day <&> news", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(
                "Quote with a link.",
                doc.getElementsByTagName("copyright").item(0).getTextContent());
        String content = doc.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
                .item(0)
                .getTextContent();
        assertTrue(content.startsWith("<p>Body ]]&gt; with"), content);
        assertTrue(!content.contains("script"), content);
        assertEquals(
                "Mon, 10 Jan 2022 10:40:00 GMT",
                doc.getElementsByTagName("pubDate").item(0).getTextContent());
    }

    @Test
    void writesWellFormedAtomWithRights() throws Exception {
        Document doc = parse(
                new String(Syndication.atom(SITE, List.of(ARTICLE), "https://x.example", Instant.EPOCH), "UTF-8"));
        assertEquals("http://www.w3.org/2005/Atom", doc.getDocumentElement().getNamespaceURI());
        assertEquals(
                "Quote with a link.",
                doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "rights")
                        .item(0)
                        .getTextContent());
        assertEquals(
                "urn:uuid:0859dc03-5c65-5564-b77d-a272e2cf9caf",
                doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id")
                        .item(1)
                        .getTextContent());
        assertEquals(
                "2022-01-10T14:40:00+04:00",
                doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "published")
                        .item(0)
                        .getTextContent());
    }

    @Test
    void givesItemsTheSameUrnIdsInEveryFormat() throws Exception {
        String id = "urn:uuid:0859dc03-5c65-5564-b77d-a272e2cf9caf";
        Map<String, Object> feed = Syndication.jsonFeed(SITE, List.of(ARTICLE), "https://x.example");
        List<?> items = (List<?>) feed.get("items");
        assertEquals(id, ((Map<?, ?>) items.get(0)).get("id"));
        Document rss =
                parse(new String(Syndication.rss(SITE, List.of(ARTICLE), "https://x.example", Instant.EPOCH), "UTF-8"));
        assertEquals(id, rss.getElementsByTagName("guid").item(0).getTextContent());
        assertEquals(
                "false",
                rss.getElementsByTagName("guid")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("isPermaLink")
                        .getNodeValue());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
    }
}
