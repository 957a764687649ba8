package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reader (reader/) in headless Chromium, served from another origin than Sling's by a small static server of the
 * test's own, with the IT instance as its API: it reads the sample site's article as a reader does (title, the date in
 * the site's zone while the browser is in New York, the quotes, the reuse notice, the comment count, the calendar with
 * its links and « Dec / Feb »), pages the feed, follows a tag, tries search, leaves a reply (an error next to its
 * field first) that reaches the moderation queue, and shows approved threads. Screenshots go to
 * {@code target/screenshots/reader-*.png}.
 */
class ReaderIT {

    private static final String DAY = "/content/newsfeed/day";
    private static final String SEED = DAY + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";
    private static final Path READER_DIR = Path.of(System.getProperty("reader.dir", "../reader"));

    private static SlingInstance sling;
    private static HttpServer server;
    private static String readerOrigin;
    private static Browser browser;

    @BeforeAll
    static void ready() throws IOException {
        sling = SlingInstance.ready();
        server = serve(READER_DIR);
        readerOrigin = "http://127.0.0.1:" + server.getAddress().getPort();
        sling.configure(
                CorsIT.PID,
                Map.of(
                        "cors.read.origins", "*",
                        "cors.write.origins", readerOrigin,
                        "cors.credentials.origins", ""));
        sling.configure(
                CommentsIT.PID,
                Map.of(
                        "client.burst", "1000",
                        "client.per.minute", "1000",
                        "article.burst", "1000",
                        "article.per.minute", "1000",
                        "min.fill.seconds", "3"));
        CommentsIT.awaitMinFillSeconds(SEED, 3);
        Eventually.within(
                java.time.Duration.ofSeconds(20),
                () -> assertEquals(
                        readerOrigin,
                        Expected.header(
                                sling.get(SEED + ".comment-form.json", "Origin", readerOrigin),
                                "Access-Control-Allow-Origin")));
        browser = Browser.start(sling);
        // the browser in another zone than the site's (Asia/Yerevan): dates must still be the site's
        browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (sling != null) {
            CorsIT.restoreDefaults(sling);
            CommentsIT.restoreDefaults(sling);
        }
    }

    @Test
    void readsTheSampleArticleAsAReaderDoes() {
        browser.size(Browser.DESKTOP);
        open(DAY, "#/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan");
        browser.find("#story-title");
        assertEquals("Day newsfeed", text(".site-title"));
        assertEquals("Artsakh President on the events in Kazakhstan", text("#story-title"));
        assertEquals("Artsakh President on the events in Kazakhstan – Day newsfeed", browser.driver.getTitle());
        WebElement published = browser.find(".story-head time");
        assertEquals("January 10, 2022 14:40", published.getText());
        assertEquals("2022-01-10T14:40:00+04:00", published.getAttribute("datetime"));
        assertTrue(
                text(".story-body blockquote").contains("We are following the developments in Kazakhstan closely"),
                text(".story-body blockquote"));
        assertEquals("how fragile stability in the region remains", text(".story-body q"));
        assertTrue(text(".reuse").contains("Media can quote materials with a hyperlink to the material quoted."));
        assertEquals(sling.baseUrl() + SEED, browser.find(".reuse a").getAttribute("href"));
        int count = json(sling.get(SEED + ".json")).at("/comments/count").asInt();
        assertEquals("Comments (" + count + ")", text("#comments-title"));
        assertEquals("Leave a Reply", text("#reply-title"));

        // the calendar of the article's month: Monday first, the days with articles linked, the nearest months
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".calendar caption"), "January 2022"));
        assertEquals(
                "Mon",
                browser.driver
                        .findElements(By.cssSelector(".calendar thead th"))
                        .get(0)
                        .getText());
        JsonNode calendar = json(sling.get(DAY + ".calendar.2022-01.json"));
        Set<String> days = new TreeSet<>();
        calendar.path("days").forEach(d -> days.add("#/day/" + d.path("date").asText()));
        Set<String> linked = new TreeSet<>();
        for (WebElement link : browser.driver.findElements(By.cssSelector(".calendar td a"))) {
            linked.add(link.getAttribute("href")
                    .substring(link.getAttribute("href").indexOf('#')));
        }
        assertEquals(days, linked);
        assertTrue(linked.contains("#/day/2022-01-10"));
        assertEquals(
                "date", browser.find(".calendar a[href='#/day/2022-01-10']").getAttribute("aria-current"));
        WebElement previous = browser.find(".calendar-nav a[rel=prev]");
        WebElement next = browser.find(".calendar-nav a[rel=next]");
        assertEquals("« Dec", previous.getText());
        assertEquals("Feb »", next.getText());
        assertTrue(previous.getAttribute("href").endsWith("#/month/2021-12"));
        assertTrue(next.getAttribute("href").endsWith("#/month/2022-02"));
        assertEquals("Previous month with articles: December 2021", previous.getAttribute("aria-label"));
        browser.screenshot("reader-article");

        browser.size(Browser.PHONE);
        assertNoSidewaysScrolling();
        browser.screenshot("reader-article-phone");
        browser.size(Browser.DESKTOP);

        // « Dec: the month's articles and its calendar
        browser.find(".calendar-nav a[rel=prev]").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "December 2021"));
        assertEquals(browser.driver.switchTo().activeElement(), browser.find("main h1"), "focus moves to the page");
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".calendar caption"), "December 2021"));
        assertTrue(text("main").contains("Yerevan"), text("main"));
        assertEquals("Jan »", browser.find(".calendar-nav a[rel=next]").getText());
    }

    @Test
    void pagesTheFeedFollowsATagAndSearches() {
        browser.size(Browser.DESKTOP);
        open(DAY, "#/");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Latest news"));
        List<String> first = titles();
        assertEquals(10, first.size(), first.toString());
        browser.find("a.older").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.first")));
        List<String> second = titles();
        assertFalse(second.isEmpty());
        for (String title : second) {
            assertFalse(first.contains(title), title + " is on both pages");
        }
        assertTrue(browser.driver.getCurrentUrl().contains("cursor="), browser.driver.getCurrentUrl());
        browser.screenshot("reader-feed-older");

        open(DAY, "#/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan");
        browser.find(".story-foot .tags a[href='#/tag/politics']").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "politics"));
        assertTrue(titles().contains("Artsakh President on the events in Kazakhstan"), titles().toString());

        WebElement q = browser.find("#search-q");
        q.clear();
        q.sendKeys("Kazakhstan");
        browser.find("#search-form button").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Kazakhstan"));
        browser.waiting()
                .until(d -> !titles().isEmpty()
                        || text("main").contains("Search is not available on this news server yet."));
        if (titles().isEmpty()) {
            // the endpoint answers 404 where search is not installed: the reader says so
            assertEquals(404, sling.get(DAY + ".search.json?q=Kazakhstan").statusCode());
        } else {
            assertTrue(titles().contains("Artsakh President on the events in Kazakhstan"), titles().toString());
        }
        browser.screenshot("reader-search");
    }

    @Test
    void aReplyShowsTheApisErrorsThenAwaitsModeration() {
        browser.size(Browser.DESKTOP);
        open(DAY, "#/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan");
        String text = "A reader's reply from another origin " + UUID.randomUUID();
        browser.find("#reply-text").sendKeys(text);
        browser.find("#reply-author").sendKeys("Anna");
        browser.find("#reply-email").sendKeys("anna@example.am");
        // a web address the browser takes but the API does not (http and https only): its problem, next to the field
        browser.find("#reply-url").sendKeys("ftp://example.am/files");
        browser.find(".reply-form button[type=submit]").click();
        browser.waiting().until(d -> !text("#reply-url-error").isEmpty());
        assertEquals("true", browser.find("#reply-url").getAttribute("aria-invalid"));
        assertEquals(browser.find("#reply-url"), browser.driver.switchTo().activeElement());
        assertTrue(browser.find("#reply-url").getAttribute("aria-describedby").contains("reply-url-error"));
        browser.screenshot("reader-reply-error");

        browser.find("#reply-url").clear();
        browser.find(".reply-form button[type=submit]").click();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".form-status"), "awaiting moderation"));
        assertEquals("Thank you, Anna. Your comment is awaiting moderation.", text(".form-status"));
        assertEquals("", text("#reply-url-error"));
        browser.screenshot("reader-reply-sent");

        JsonNode queue = json(CommentsIT.moderator(DAY + ".moderation.json?status=pending&limit=100"));
        JsonNode found = null;
        for (JsonNode item : queue.path("items")) {
            if (item.path("text").asText().equals(text)) {
                found = item;
            }
        }
        assertNotNull(found, "the comment is in the moderation queue: " + queue);
        assertEquals("anna@example.am", found.path("email").asText());
        assertEquals(SEED, found.at("/article/path").asText());
    }

    @Test
    void showsApprovedCommentsAsThreads() throws InterruptedException {
        String site = TestSites.create(sling, "reader");
        String article = CommentsIT.createArticle(site, "Threaded article", true);
        String token = CommentsIT.token(article);
        Thread.sleep(3100); // the minimum fill time
        String parent = approved(article, token, Map.of("author", "Anna", "text", "The first thought."));
        approved(article, token, Map.of("author", "Aram", "text", "A reply to Anna.", "parent", parent));
        browser.size(Browser.DESKTOP);
        open(site, "#" + article.substring(site.length()));
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments-title"), "Comments (2)"));
        WebElement thread = browser.find(".comment-list > li.comment");
        assertTrue(thread.getText().contains("The first thought."), thread.getText());
        WebElement reply = browser.find(".comment-list > li.comment > ol.children > li.comment");
        assertTrue(reply.getText().contains("A reply to Anna."), reply.getText());
        browser.find(".comment-list > li.comment .reply-button").click();
        assertEquals("Anna", text(".replying-to strong"));
        assertEquals(browser.find("#reply-text"), browser.driver.switchTo().activeElement());
        browser.screenshot("reader-thread");
    }

    private static String approved(String article, String token, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("email", "thread@example.am");
        form.put("token", token);
        String id = json(CommentsIT.submit(article, form)).path("id").asText();
        assertEquals(
                200,
                CommentsIT.moderate(article.substring(0, article.indexOf("/articles/")), id, "approve")
                        .statusCode());
        return id;
    }

    // --- the page ---

    private static void open(String site, String hash) {
        browser.driver.get("about:blank");
        browser.driver.get(
                readerOrigin + "/?api=" + Browser.encode(sling.baseUrl()) + "&site=" + Browser.encode(site) + hash);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    private static String text(String css) {
        return browser.find(css).getText();
    }

    private static List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (WebElement link : browser.driver.findElements(By.cssSelector(".teaser h2 a"))) {
            titles.add(link.getText());
        }
        return titles;
    }

    private static void assertNoSidewaysScrolling() {
        long scroll = (Long) browser.script("return document.documentElement.scrollWidth;");
        long width = (Long) browser.script("return window.innerWidth;");
        assertTrue(scroll <= width, "the page is " + scroll + " px wide in a " + width + " px window");
    }

    // --- another origin: the reader's files from a server of the test's own ---

    private static HttpServer serve(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(base.resolve("index.html"))) {
            throw new IllegalStateException("No reader at " + base + " (-Dreader.dir)");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> file(exchange, base));
        http.start();
        return http;
    }

    private static void file(HttpExchange exchange, Path base) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = base.resolve(path.equals("/") ? "index.html" : path.substring(1))
                    .normalize();
            if (!exchange.getRequestMethod().equals("GET") || !file.startsWith(base) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            name.endsWith(".html")
                                    ? "text/html; charset=utf-8"
                                    : name.endsWith(".js")
                                            ? "text/javascript; charset=utf-8"
                                            : name.endsWith(".css")
                                                    ? "text/css; charset=utf-8"
                                                    : "application/octet-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
