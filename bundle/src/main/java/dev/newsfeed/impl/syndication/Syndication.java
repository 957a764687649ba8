package dev.newsfeed.impl.syndication;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.html.HtmlSanitizer;
import org.jetbrains.annotations.Nullable;

/**
 * The latest articles of a site as RSS 2.0, Atom 1.0 (RFC 4287) and JSON Feed 1.1, with the site's reuse notice as
 * the rights element (JSON Feed has none: an {@code _newsfeed} extension carries it). XML is written by a streaming
 * writer, never assembled from strings.
 */
public final class Syndication {

    public static final String RSS = "application/rss+xml";
    public static final String ATOM = "application/atom+xml";
    public static final String JSON_FEED = "application/feed+json";

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Syndication() {}

    /** {@code base} is the public base URL without a trailing slash. */
    public static byte[] rss(SiteSettings site, List<Article> articles, String base, Instant updated) {
        return write(w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            w.writeNamespace("content", CONTENT_NS);
            w.writeNamespace("dc", DC_NS);
            w.writeStartElement("channel");
            element(w, "title", site.title());
            element(w, "link", base + site.path());
            element(w, "description", site.title());
            element(w, "language", site.locale().toLanguageTag());
            element(w, "copyright", site.reusePolicy());
            element(w, "lastBuildDate", rfc822(updated));
            w.writeEmptyElement(ATOM_NS, "link");
            w.writeAttribute("href", base + site.path() + ".rss");
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", RSS);
            for (Article a : articles) {
                rssItem(w, a, base);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    private static void rssItem(XMLStreamWriter w, Article a, String base) throws XMLStreamException {
        String url = base + a.path();
        w.writeStartElement("item");
        element(w, "title", a.title());
        element(w, "link", url);
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters("urn:uuid:" + a.id());
        w.writeEndElement();
        element(w, "pubDate", rfc822(a.published()));
        element(w, "description", a.lead());
        if (a.body() != null) {
            w.writeStartElement(CONTENT_NS, "encoded");
            w.writeCData(cdataSafe(HtmlSanitizer.article(a.body())));
            w.writeEndElement();
        }
        if (a.author() != null) {
            w.writeStartElement(DC_NS, "creator");
            w.writeCharacters(a.author());
            w.writeEndElement();
        }
        for (String tag : a.tags()) {
            element(w, "category", tag);
        }
        w.writeEndElement();
    }

    public static byte[] atom(SiteSettings site, List<Article> articles, String base, Instant updated) {
        return write(w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            w.writeAttribute(
                    "xml",
                    "http://www.w3.org/XML/1998/namespace",
                    "lang",
                    site.locale().toLanguageTag());
            element(w, "id", base + site.path());
            element(w, "title", site.title());
            element(w, "updated", Dates.format(updated, site.zone()));
            link(w, "self", base + site.path() + ".atom", ATOM);
            link(w, "alternate", base + site.path(), null);
            if (site.reusePolicy() != null) {
                element(w, "rights", site.reusePolicy());
            }
            w.writeStartElement("author");
            element(w, "name", site.title());
            w.writeEndElement();
            for (Article a : articles) {
                atomEntry(w, a, base, site);
            }
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    private static void atomEntry(XMLStreamWriter w, Article a, String base, SiteSettings site)
            throws XMLStreamException {
        String url = base + a.path();
        w.writeStartElement("entry");
        element(w, "id", "urn:uuid:" + a.id());
        element(w, "title", a.title());
        link(w, "alternate", url, null);
        element(w, "published", Dates.format(a.published(), site.zone()));
        element(w, "updated", Dates.format(a.lastChanged(), site.zone()));
        if (a.author() != null) {
            w.writeStartElement("author");
            element(w, "name", a.author());
            w.writeEndElement();
        }
        for (String tag : a.tags()) {
            w.writeEmptyElement("category");
            w.writeAttribute("term", tag);
        }
        if (a.lead() != null) {
            element(w, "summary", a.lead());
        }
        if (a.body() != null) {
            w.writeStartElement("content");
            w.writeAttribute("type", "html");
            w.writeCharacters(HtmlSanitizer.article(a.body()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** JSON Feed 1.1 as a map for the one ObjectMapper (field names are the spec's). */
    public static Map<String, Object> jsonFeed(SiteSettings site, List<Article> articles, String base) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", site.title());
        feed.put("home_page_url", base + site.path());
        feed.put("feed_url", base + site.path() + ".feed.jsonfeed");
        feed.put("language", site.locale().toLanguageTag());
        feed.put("authors", List.of(Map.of("name", site.title())));
        if (site.reusePolicy() != null) {
            feed.put("_newsfeed", Map.of("rights", site.reusePolicy()));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Article a : articles) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "urn:uuid:" + a.id());
            item.put("url", base + a.path());
            item.put("title", a.title());
            item.put("content_html", a.body() == null ? "" : HtmlSanitizer.article(a.body()));
            if (a.lead() != null) {
                item.put("summary", a.lead());
            }
            item.put("date_published", Dates.format(a.published(), site.zone()));
            item.put("date_modified", Dates.format(a.lastChanged(), site.zone()));
            if (a.author() != null) {
                item.put("authors", List.of(Map.of("name", a.author())));
            }
            if (!a.tags().isEmpty()) {
                item.put("tags", a.tags());
            }
            items.add(item);
        }
        feed.put("items", items);
        return feed;
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
            body.write(writer);
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a feed failed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, @Nullable String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, @Nullable String type)
            throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        if (type != null) {
            w.writeAttribute("type", type);
        }
    }

    /** "]]>" cannot stand inside CDATA: split it across two sections. */
    private static String cdataSafe(String text) {
        return text.replace("]]>", "]]]]><![CDATA[>");
    }

    private static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
