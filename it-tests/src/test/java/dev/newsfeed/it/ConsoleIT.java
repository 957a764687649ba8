package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (headless Chromium) against the real instance: authors write and re-date articles,
 * moderators moderate, administrators change settings; anonymous visitors get nothing, data stays text, and a
 * browser's cookie alone cannot write. Screenshots of every screen go to {@code target/screenshots}.
 */
class ConsoleIT {

    private static final String DAY = "/content/newsfeed/day";
    /** Would set a flag and open an alert if the console ever ran it. */
    private static final String XSS =
            "<script>window.__xss=1;alert('xss')</script>" + "<img src=x onerror=\"window.__xss=1;alert('xss')\">";

    private static final String XSS_NAME = "<img src=x onerror=\"window.__xss=1;alert('xss')\">";

    private static SlingInstance sling;
    private static String site;
    private static Browser browser;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "console");
        // comments from this test's own address, at once: no rate limit in the way, no minimum fill time (a comment
        // sent sooner than that is filed as spam, and the tests need pending ones)
        CommentsIT.liftRateLimits(sling, 0);
        String probe = CommentsIT.createArticle(site, "Configuration probe", true);
        CommentsIT.awaitMinFillSeconds(probe, 0);
        browser = Browser.start(sling);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (sling != null) {
            CommentsIT.restoreDefaults(sling);
        }
    }

    @Test
    void anAuthorWritesAnArticleJustAfterMidnightAndMovesItToJanuary() {
        browser.size(Browser.DESKTOP);
        browser.signIn(site, SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD);
        browser.find("a[href='#new']").click();
        browser.find("#e-title")
                .sendKeys("Night session ends " + UUID.randomUUID().toString().substring(0, 6));
        browser.driver.findElement(By.id("e-lead")).sendKeys("The parliament sat past midnight.");
        WebElement body = browser.driver.findElement(By.id("e-body"));
        body.click();
        body.sendKeys("The session ended after midnight, ");
        toolbar("bold").click();
        body.sendKeys("with a vote");
        toolbar("bold").click();
        body.sendKeys(".", Keys.ENTER, "Budget passed");
        toolbar("ul").click();
        body.sendKeys(Keys.ENTER, "Ministers resigned", Keys.ENTER, Keys.ENTER, "Nobody expected it. See ");
        toolbar("quote").click();
        // a link by keyboard only: back to the toolbar, arrow keys to Link, the dialog, Enter
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        for (int i = 0; i < 4; i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        }
        assertEquals("Link", browser.driver.switchTo().activeElement().getText());
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement address = browser.find("#link-dialog[open] #link-url");
        assertEquals(address, browser.driver.switchTo().activeElement(), "the dialog takes focus");
        address.sendKeys("javascript:alert(1)", Keys.ENTER);
        assertTrue(browser.find("#link-error").getText().startsWith("Enter an address"));
        address.clear();
        address.sendKeys("https://example.am/vote", Keys.ENTER);
        assertEquals(body, browser.driver.switchTo().activeElement(), "focus returns to the editor");
        browser.driver.findElement(By.id("e-author")).sendKeys("Politics desk");
        browser.driver.findElement(By.id("e-tags")).sendKeys("parliament, night");
        setPublished("2022-02-01T00:30");
        browser.screenshot("editor");
        browser.driver.findElement(By.cssSelector("button.save")).click();
        assertTrue(browser.status("Created").contains("Filed in articles/2022/02/01/"), browser.status("Created"));

        String path = editedPath();
        assertTrue(path.startsWith(site + "/articles/2022/02/01/night-session-ends-"), path);
        JsonNode article = json(sling.get(path + ".json"));
        assertEquals("2022-02-01T00:30:00+04:00", article.path("published").asText());
        String html = article.path("body").asText();
        assertTrue(
                html.startsWith(
                        "<p>The session ended after midnight, <b>with a vote</b>.</p>"
                                + "<ul><li>Budget passed</li><li>Ministers resigned</li></ul><blockquote>Nobody expected it. See"),
                html);
        assertTrue(
                html.contains("<a href=\"https://example.am/vote\" rel=\"noopener\">https://example.am/vote</a>"),
                html);
        assertEquals(List.of("parliament", "night"), texts(article.path("tags")));
        assertEquals(1, dayCount("2022-02", "2022-02-01"));
        assertEquals(0, dayCount("2022-01", "2022-01-31"));

        setPublished("2022-01-31T23:30");
        browser.driver.findElement(By.cssSelector("button.save")).click();
        assertTrue(browser.status("Saved").contains("Filed in articles/2022/01/31/"), browser.status("Saved"));
        String moved = editedPath();
        assertTrue(moved.startsWith(site + "/articles/2022/01/31/night-session-ends-"), moved);
        assertEquals(404, sling.get(path + ".json").statusCode());
        assertEquals(
                "2022-01-31T23:30:00+04:00",
                json(sling.get(moved + ".json")).path("published").asText());
        assertEquals(1, dayCount("2022-01", "2022-01-31"));
        assertEquals(0, dayCount("2022-02", "2022-02-01"));
        assertTrue(json(sling.get(site + ".calendar.2022-02.json")).path("days").isEmpty());

        browser.open(site, "#articles");
        WebElement row = browser.find("tbody tr");
        assertEquals("Published", row.findElement(By.cssSelector(".badge")).getText());
        assertEquals(
                "2022-01-31 23:30", row.findElement(By.cssSelector(".date")).getText());
    }

    @Test
    void anAuthorFindsDraftsAndScheduledArticlesAndDeletesWithConfirmation() {
        browser.size(Browser.DESKTOP);
        browser.signIn(site, SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String draft = create(Map.of("title", "Draft " + tag));
        create(Map.of("title", "Future " + tag, "published", "2099-05-01T10:00"));
        create(Map.of("title", "Past " + tag, "published", "2021-05-01T10:00"));

        browser.open(site, "#articles?q=" + tag);
        browser.status("3 articles shown");
        assertEquals(List.of("Draft " + tag, "Future " + tag, "Past " + tag), titlesShown());
        new Select(browser.find("#a-status")).selectByValue("scheduled");
        browser.driver
                .findElement(By.cssSelector("form.filters button[type=submit]"))
                .click();
        browser.status("1 article shown");
        assertEquals(List.of("Future " + tag), titlesShown());
        new Select(browser.find("#a-status")).selectByValue("all");
        new Select(browser.find("#a-month")).selectByValue("2021-05");
        browser.driver
                .findElement(By.cssSelector("form.filters button[type=submit]"))
                .click();
        browser.status("1 article shown");
        assertEquals(List.of("Past " + tag), titlesShown());

        // unpublish from the list: the past article becomes a draft
        browser.open(site, "#articles?q=" + Browser.encode("Past " + tag));
        browser.status("1 article shown");
        browser.find("tbody tr .unpublish").click();
        browser.status("is a draft now");
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("tbody tr .badge"), "Draft"));

        // and is scheduled again from the editor: a date ahead
        browser.find("tbody tr .title").click();
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("e-title"), "value", "Past " + tag));
        setPublished("2099-06-01T09:00");
        browser.driver.findElement(By.cssSelector("button.save")).click();
        assertTrue(browser.status("Saved").contains("Filed in articles/2099/06/01/"), browser.status("Saved"));
        JsonNode scheduled =
                json(sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, editedPath() + ".edit.json"));
        assertEquals("scheduled", scheduled.path("status").asText());
        assertEquals("2099-06-01T09:00", scheduled.path("publishedLocal").asText());
        assertEquals(404, sling.get(editedPath() + ".json").statusCode(), "not public before its time");

        browser.open(site, "#articles?q=" + Browser.encode("Draft " + tag) + "&status=draft");
        browser.status("1 article shown");
        browser.find("tbody tr .delete").click();
        WebElement dialog = browser.find("#confirm-dialog[open]");
        assertTrue(dialog.getText().contains("Draft " + tag));
        assertEquals("Cancel", browser.driver.switchTo().activeElement().getText(), "focus starts on Cancel");
        dialog.findElement(By.cssSelector(".ok")).click();
        browser.status("Deleted");
        assertEquals(
                404,
                sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, draft + ".json")
                        .statusCode());
    }

    @Test
    void aModeratorApprovesOneCommentAndSpamsTwoAtOnce() {
        String article = CommentsIT.createArticle(site, "Commented in the console", true);
        String token = CommentsIT.token(article);
        String approved = comment(article, token, "Anna", "A thoughtful comment " + UUID.randomUUID());
        String spam1 = comment(article, token, "Bot one", "Cheap watches " + UUID.randomUUID());
        String spam2 = comment(article, token, "Bot two", "Cheap pills " + UUID.randomUUID());

        browser.size(Browser.DESKTOP);
        browser.signIn(site, SlingInstance.MODERATOR, SlingInstance.MODERATOR_PASSWORD);
        WebElement item = browser.find("li[data-id='" + approved + "']");
        assertEquals("Anna", item.findElement(By.cssSelector(".author")).getText());
        assertTrue(browser.find("a[data-status='pending'] .count").getText().matches("\\(\\d+\\)"));
        browser.screenshot("moderation-queue");
        item.findElement(By.cssSelector(".comment-actions [data-action='approve']"))
                .click();
        browser.status("Approved 1 comment");
        browser.waiting()
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li[data-id='" + approved + "']"), 0));
        JsonNode listing = json(sling.get(article + ".comments.json"));
        assertNotNull(CommentsIT.find(listing.path("items"), approved), listing.toString());

        browser.find("li[data-id='" + spam1 + "'] .pick").click();
        browser.find("li[data-id='" + spam2 + "'] .pick").click();
        browser.driver.findElement(By.cssSelector(".bulk [data-action='spam']")).click();
        browser.status("Marked as spam: 2 comments");
        JsonNode spam = json(CommentsIT.moderator(site + ".moderation.json?status=spam&limit=100"));
        assertNotNull(CommentsIT.find(spam.path("items"), spam1));
        assertNotNull(CommentsIT.find(spam.path("items"), spam2));

        // one of them was no spam after all: from the Spam tab back to the queue
        browser.find("a[data-status='spam']").click();
        browser.find("a[data-status='spam'][aria-current='page']");
        WebElement mistaken = browser.find("li[data-id='" + spam1 + "']");
        assertTrue(
                mistaken.findElement(By.cssSelector(".comment-actions [data-action='spam']"))
                                .getAttribute("hidden")
                        != null,
                "no Spam button in the Spam tab");
        mistaken.findElement(By.cssSelector(".comment-actions [data-action='pending']"))
                .click();
        browser.status("Back to pending: 1 comment");
        JsonNode pending = json(CommentsIT.moderator(site + ".moderation.json?status=pending&limit=100"));
        assertNotNull(CommentsIT.find(pending.path("items"), spam1));
    }

    @Test
    void anonymousVisitorsGetTheSignInPageAndNoData() {
        HttpResponse<String> page = sling.get(DAY + ".console.html");
        assertEquals(401, page.statusCode());
        assertTrue(header(page, "Content-Type").startsWith("text/html"));
        assertEquals("private, no-store", header(page, "Cache-Control"));
        assertTrue(header(page, "Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(page.body().contains("/system/sling/form/login?resource=%2Fcontent%2Fnewsfeed%2Fday.console.html"));
        assertFalse(page.body().contains("Artsakh"), "no article data in the sign-in page");
        assertFalse(page.body().contains("data-site"), "no console in the sign-in page");
        HttpResponse<String> reader =
                sling.getAs(SlingInstance.READER, SlingInstance.READER_PASSWORD, DAY + ".console.html");
        assertEquals(403, reader.statusCode());
        assertFalse(reader.body().contains("data-site"));
        for (String endpoint : new String[] {".articles.json", ".settings.json", ".moderation.json", ".csrf.json"}) {
            assertProblem(sling.get(DAY + endpoint), 401);
        }
        assertProblem(sling.getAs(SlingInstance.READER, SlingInstance.READER_PASSWORD, DAY + ".articles.json"), 403);
        assertProblem(sling.getAs(SlingInstance.READER, SlingInstance.READER_PASSWORD, DAY + ".settings.json"), 403);

        browser.size(Browser.DESKTOP);
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(sling.baseUrl() + DAY + ".console.html#articles");
        WebElement signIn = browser.find("#signin");
        assertTrue(signIn.getAttribute("href").contains("/system/sling/form/login?resource="));
        assertFalse(browser.driver.getPageSource().contains("Artsakh"));
        assertTrue(browser.driver.findElements(By.cssSelector("main .screen")).isEmpty());
        browser.screenshot("sign-in");

        // signed in, but in none of the groups: a page that says so, with a way out, and nothing else
        browser.logIn(DAY, SlingInstance.READER, SlingInstance.READER_PASSWORD);
        assertEquals("No access to this console", browser.find("body.gate h1").getText());
        assertTrue(browser.find("main").getText().contains(SlingInstance.READER));
        assertTrue(browser.find("main a").getAttribute("href").contains("/system/sling/logout"));
        assertFalse(browser.driver.getPageSource().contains("data-site"));
        assertFalse(browser.driver.getPageSource().contains("Artsakh"));
        browser.screenshot("no-access");
    }

    @Test
    void scriptInACommentOrTitleStaysTextAndNeverRuns() {
        String article = CommentsIT.createArticle(site, XSS + " headline", true);
        String token = CommentsIT.token(article);
        String id = comment(article, token, XSS_NAME, XSS);

        browser.size(Browser.DESKTOP);
        browser.signIn(site, SlingInstance.MODERATOR, SlingInstance.MODERATOR_PASSWORD);
        WebElement item = browser.find("li[data-id='" + id + "']");
        assertEquals(XSS, item.findElement(By.cssSelector(".text")).getText());
        assertEquals(XSS_NAME, item.findElement(By.cssSelector(".author")).getText());
        assertTrue(item.findElement(By.cssSelector(".article")).getText().startsWith(XSS));
        assertTrue(item.findElements(By.cssSelector("img, script")).isEmpty());
        noScriptRan();

        browser.signIn(site, SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD);
        browser.open(site, "#articles?q=" + Browser.encode("onerror"));
        WebElement title = browser.find("tbody tr .title");
        assertTrue(title.getText().startsWith(XSS));
        title.click();
        browser.waiting()
                .until(ExpectedConditions.attributeToBe(
                        By.id("e-title"),
                        "value",
                        json(sling.get(article + ".json")).path("title").asText()));
        assertTrue(browser.driver
                .findElements(By.cssSelector("main img, main script"))
                .isEmpty());
        noScriptRan();
    }

    @Test
    void aCookieAloneCannotWrite() throws Exception {
        browser.size(Browser.DESKTOP);
        browser.signIn(site, SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD);
        Cookie login = browser.driver.manage().getCookieNamed("sling.formauth");
        assertNotNull(login, "Sling's form login sets its cookie");
        String cookie = login.getName() + "=" + login.getValue();
        String article = create(Map.of("title", "Target of forgery"));

        for (String endpoint : new String[] {
            site + ".articles.json",
            article + ".update.json",
            article + ".delete.json",
            site + ".moderation.json",
            site + ".settings.json",
            site + ".reindex.json"
        }) {
            JsonNode problem = assertProblem(cookiePost(endpoint, cookie, null), 403);
            assertEquals("urn:dev.newsfeed:problem:csrf", problem.path("type").asText(), endpoint);
        }
        HttpResponse<String> tokenAnswer = send(HttpRequest.newBuilder(sling.uri(site + ".csrf.json"))
                .header("Cookie", cookie)
                .GET());
        assertEquals("private, no-store", header(tokenAnswer, "Cache-Control"));
        String token = json(tokenAnswer).path("token").asText();
        assertEquals(201, cookiePost(site + ".articles.json", cookie, token).statusCode());
        assertProblem(cookiePost(site + ".articles.json", cookie, token + "x"), 403);
        String moderatorToken = json(sling.getAs(
                        SlingInstance.MODERATOR, SlingInstance.MODERATOR_PASSWORD, site + ".csrf.json"))
                .path("token")
                .asText();
        assertProblem(cookiePost(site + ".articles.json", cookie, moderatorToken), 403); // bound to its user

        // the page's own script without the header, as a forged form would be
        Object status = browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
                        + " headers: {'Content-Type': 'application/json'}, body: '{\"title\":\"forged\"}'})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(String(e)); });",
                site + ".articles.json");
        assertEquals(403L, status);
    }

    @Test
    void anAdministratorChangesTheSettingsAndSeesWhatIsWrong() {
        String site = TestSites.create(sling, "console"); // its own: closing comments must not touch the others
        browser.size(Browser.DESKTOP);
        browser.signIn(site, "admin", "admin");
        browser.open(site, "#settings");
        WebElement title = browser.find("#s-title");
        browser.waiting().until(ExpectedConditions.attributeToBe(title, "value", "Test site console"));
        title.clear();
        title.sendKeys("Console test site (edited)");
        new Select(browser.find("#s-firstDayOfWeek")).selectByValue("SUNDAY");
        new Select(browser.find("#s-timeZone")).selectByValue("Asia/Yerevan");
        WebElement days = browser.find("#s-commentsOpenDays");
        days.clear();
        days.sendKeys("30");
        browser.find("input[name='moderation'][value='auto']").click();
        browser.driver
                .findElement(By.cssSelector("form.settings button[type=submit]"))
                .click();
        browser.status("Settings saved");
        JsonNode document = json(sling.get(site + ".json"));
        assertEquals("Console test site (edited)", document.path("title").asText());
        assertEquals("SUNDAY", document.path("firstDayOfWeek").asText());
        assertEquals(30, document.at("/comments/openDays").asInt());
        assertEquals("auto", document.at("/comments/moderation").asText());
        assertEquals("Console test site (edited)", browser.find(".site-title").getText());

        WebElement locale = browser.find("#s-locale");
        locale.clear();
        locale.sendKeys("not a locale!");
        browser.driver
                .findElement(By.cssSelector("form.settings button[type=submit]"))
                .click();
        browser.alert("One field needs attention");
        assertEquals("true", locale.getAttribute("aria-invalid"));
        assertTrue(browser.find("#s-locale-error").getText().startsWith("Must be a language tag"));
        assertEquals(locale, browser.driver.switchTo().activeElement(), "focus moves to the wrong field");
        assertEquals("en", json(sling.get(site + ".json")).path("locale").asText());
        browser.screenshot("settings");

        browser.signIn(site, SlingInstance.MODERATOR, SlingInstance.MODERATOR_PASSWORD);
        browser.open(site, "#settings");
        browser.find(".readonly:not([hidden])");
        assertFalse(browser.find("#s-title").isEnabled(), "moderators see the settings, cannot change them");
    }

    @Test
    void everyScreenFitsAPhoneAndIsCaptured() {
        String article = CommentsIT.createArticle(site, "Read on a phone", true);
        String token = CommentsIT.token(article);
        comment(article, token, "Narine", "Short and kind, with a link to https://example.am " + UUID.randomUUID());
        browser.signIn(DAY, "admin", "admin");
        capture(DAY, "articles-list", "#articles", "#status:not(:empty)");
        capture(
                DAY,
                "editor-sample",
                "#edit?path="
                        + Browser.encode(DAY + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan"),
                "#e-body p");
        capture(DAY, "settings-sample", "#settings", "#s-timeZone option");
        capture(site, "moderation-queue-sample", "#comments", "li.comment");
        browser.size(Browser.DESKTOP);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Desktop and phone screenshots of a screen once {@code ready} shows; on a phone nothing may be wider. */
    private static void capture(String sitePath, String name, String hash, String ready) {
        for (boolean phone : new boolean[] {false, true}) {
            browser.size(phone ? Browser.PHONE : Browser.DESKTOP);
            browser.open(sitePath, hash);
            browser.find(ready);
            if (phone) {
                Object overflow = browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, overflow, name + " is wider than a phone");
            }
            browser.screenshot((phone ? "phone-" : "") + name);
        }
    }

    private static WebElement toolbar(String command) {
        return browser.driver.findElement(By.cssSelector(".toolbar [data-cmd='" + command + "']"));
    }

    /**
     * Types a date and time into the datetime-local input as a person does with a keyboard; Chromium in en-US shows
     * it as month/day/year, hour:minute AM/PM.
     */
    private static void setPublished(String localDateTime) {
        LocalDateTime value = LocalDateTime.parse(localDateTime);
        WebElement input = browser.driver.findElement(By.id("e-published"));
        input.clear();
        input.sendKeys(
                DateTimeFormatter.ofPattern("MMddyyyy", Locale.US).format(value),
                Keys.TAB,
                DateTimeFormatter.ofPattern("hhmma", Locale.US).format(value));
        assertEquals(localDateTime, input.getAttribute("value"));
    }

    /** The article the editor shows, from the address bar. */
    private static String editedPath() {
        String url = browser.driver.getCurrentUrl();
        return URLDecoder.decode(
                url.substring(url.indexOf("#edit?path=") + "#edit?path=".length()), StandardCharsets.UTF_8);
    }

    private static int dayCount(String month, String date) {
        JsonNode calendar = json(sling.get(site + ".calendar." + month + ".json"));
        for (JsonNode day : calendar.path("days")) {
            if (day.path("date").asText().equals(date)) {
                return day.path("count").asInt();
            }
        }
        return 0;
    }

    private static List<String> titlesShown() {
        List<String> titles = new ArrayList<>();
        browser.driver.findElements(By.cssSelector("tbody tr .title")).forEach(t -> titles.add(t.getText()));
        return titles;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String create(Map<String, Object> fields) {
        HttpResponse<String> response = sling.postJsonAsAuthor(site + ".articles.json", fields);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).path("path").asText();
    }

    private static String comment(String article, String token, String author, String text) {
        HttpResponse<String> response = CommentsIT.submit(
                article, Map.of("author", author, "email", "reader@example.am", "text", text, "token", token));
        assertEquals(202, response.statusCode(), response.body());
        return json(response).path("id").asText();
    }

    private static void noScriptRan() {
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver.switchTo().alert(), "an alert fired");
        assertEquals("undefined", browser.script("return typeof window.__xss;"));
    }

    private static HttpResponse<String> cookiePost(String path, String cookie, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sling.uri(path))
                .header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Forged " + UUID.randomUUID() + "\"}"));
        if (token != null) {
            request.header("X-Newsfeed-CSRF", token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            request.timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
