package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reader comments on the real instance: submitting, moderating, threading, and what is refused. */
class CommentsIT {

    static final String PID = "dev.newsfeed.impl.comments.CommentService";
    private static SlingInstance sling;
    private static String site;
    private static String autoSite;
    private static String article;
    private static String token;

    @BeforeAll
    static void ready() throws InterruptedException {
        sling = SlingInstance.ready();
        liftRateLimits(sling, 2);
        site = TestSites.create(sling, "comments");
        autoSite = TestSites.create(sling, "comments-auto");
        assertEquals(
                200, sling.postAsAdmin(autoSite, Map.of("moderation", "auto")).statusCode());
        article = createArticle(site, "Commented article", true);
        token = token(article);
        Thread.sleep(2100); // the minimum fill time, once for every submission with this token
    }

    @AfterAll
    static void restore() {
        restoreDefaults(sling);
    }

    /** Puts the comment settings the ITs change back to Newsfeed's defaults. */
    static void restoreDefaults(SlingInstance sling) {
        sling.configure(
                PID,
                Map.of(
                        "client.burst", "5",
                        "client.per.minute", "3",
                        "article.burst", "30",
                        "article.per.minute", "30",
                        "min.fill.seconds", "3"));
    }

    @Test
    void acceptsAPendingCommentThatOnlyModeratorsSee() {
        String email = "pending-" + UUID.randomUUID() + "@example.am";
        HttpResponse<String> response =
                submit(article, Map.of("author", "Anna", "email", email, "text", "A pending thought.", "token", token));
        assertEquals(202, response.statusCode(), response.body());
        JsonNode accepted = json(response);
        assertEquals("pending", accepted.path("status").asText());
        String id = accepted.path("id").asText();

        JsonNode listing = json(sling.get(article + ".comments.json"));
        assertFalse(listing.toString().contains(id));
        assertEquals(0, json(sling.get(article + ".json")).at("/comments/count").asInt());

        JsonNode queue = json(moderator(site + ".moderation.json?status=pending&limit=100"));
        JsonNode item = find(queue.path("items"), id);
        assertNotNull(item, queue.toString());
        assertEquals(email, item.path("email").asText());
        assertEquals("A pending thought.", item.path("text").asText());
        assertEquals(article, item.at("/article/path").asText());
        assertTrue(queue.at("/counts/pending").asInt() >= 1);
    }

    @Test
    void showsAnApprovedCommentAndCountsIt() {
        String id = submitOk(article, "Bob", "Approved soon.\n\nSecond paragraph with https://example.org/x");
        long before = json(sling.get(article + ".json")).at("/comments/count").asLong();
        HttpResponse<String> moderated = moderate(site, id, "approve");
        assertEquals(200, moderated.statusCode(), moderated.body());
        assertEquals("approved", json(moderated).at("/results/0/status").asText());

        JsonNode listing = json(sling.get(article + ".comments.json"));
        JsonNode comment = find(listing.path("items"), id);
        assertNotNull(comment, listing.toString());
        assertEquals("Bob", comment.path("author").asText());
        assertEquals(
                "<p>Approved soon.</p><p>Second paragraph with <a href=\"https://example.org/x\""
                        + " rel=\"nofollow ugc\">https://example.org/x</a></p>",
                comment.path("text").asText());
        assertTrue(comment.path("published").asText().endsWith("+04:00"));
        assertFalse(comment.has("email"));
        assertEquals(
                before + 1,
                json(sling.get(article + ".json")).at("/comments/count").asLong());
        assertEquals(listing.path("count").asLong(), before + 1);

        moderate(site, id, "trash");
        assertFalse(json(sling.get(article + ".comments.json")).toString().contains(id));
        assertEquals(
                before, json(sling.get(article + ".json")).at("/comments/count").asLong());
    }

    @Test
    void threadsRepliesUnderApprovedCommentsOnly() {
        String parent = submitOk(article, "Carla", "Parent comment " + UUID.randomUUID());
        assertProblem(
                submit(
                        article,
                        Map.of(
                                "author",
                                "Dan",
                                "email",
                                "dan@example.am",
                                "text",
                                "Reply to pending",
                                "parent",
                                parent,
                                "token",
                                token)),
                400);
        moderate(site, parent, "approve");
        String reply = submitOk(
                article,
                Map.of(
                        "author",
                        "Dan",
                        "email",
                        "dan@example.am",
                        "text",
                        "A reply " + UUID.randomUUID(),
                        "parent",
                        parent));
        moderate(site, reply, "approve");
        String deeper = submitOk(
                article,
                Map.of(
                        "author",
                        "Eve",
                        "email",
                        "eve@example.am",
                        "text",
                        "Deeper " + UUID.randomUUID(),
                        "parent",
                        reply));
        moderate(site, deeper, "approve");
        JsonNode thread =
                find(json(sling.get(article + ".comments.json?limit=100")).path("items"), parent);
        assertEquals(reply, thread.at("/replies/0/id").asText());
        assertEquals(deeper, thread.at("/replies/0/replies/0/id").asText());
        JsonNode tooDeep = assertProblem(
                submit(
                        article,
                        Map.of(
                                "author",
                                "Fay",
                                "email",
                                "fay@example.am",
                                "text",
                                "Too deep",
                                "parent",
                                deeper,
                                "token",
                                token)),
                400);
        assertEquals("parent", tooDeep.at("/errors/0/field").asText());

        String other = createArticle(site, "Another article", true);
        assertProblem(
                submit(
                        other,
                        Map.of(
                                "author",
                                "Gus",
                                "email",
                                "gus@example.am",
                                "text",
                                "Forged parent",
                                "parent",
                                parent,
                                "token",
                                token(other))),
                400);
    }

    @Test
    void answersBadFieldsWithTheirNames() {
        JsonNode problem = assertProblem(
                submit(
                        article,
                        Map.of(
                                "author",
                                "",
                                "email",
                                "nope",
                                "url",
                                "javascript:x",
                                "text",
                                "x".repeat(5001),
                                "status",
                                "approved",
                                "token",
                                token)),
                400);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(
                List.of("author", "email", "status", "text", "url"),
                fields.stream().sorted().toList());
        assertProblem(submit(article, Map.of("author", "A", "email", "a@example.am", "text", "no token")), 400);
        assertProblem(sling.postJsonAs(null, null, article + ".comments.json", "{broken"), 400);
        assertProblem(sling.postJsonAs(null, null, article + ".comments.json", "[1,2]"), 400);
    }

    @Test
    void refusesMissingArticlesClosedCommentsAndDuplicates() {
        Map<String, String> comment =
                Map.of("author", "Hal", "email", "hal@example.am", "text", "Hello", "token", token);
        assertProblem(submit(site + "/articles/2022/01/10/no-such-article", comment), 404);
        String draft = createArticle(site, "Draft article", false);
        assertProblem(submit(draft, comment), 404);
        String closed = createArticle(site, "Closed article", true);
        assertEquals(
                200,
                sling.postJsonAsAuthor(closed + ".update.json", Map.of("commentsOpen", false))
                        .statusCode());
        assertProblem(
                submit(closed, Map.of("author", "Hal", "email", "hal@example.am", "text", "Hello", "token", token)),
                403);

        String text = "Exactly the same " + UUID.randomUUID();
        assertEquals(
                202,
                submit(article, Map.of("author", "Ida", "email", "ida@example.am", "text", text, "token", token))
                        .statusCode());
        assertProblem(
                submit(
                        article,
                        Map.of(
                                "author",
                                "ida",
                                "email",
                                "other@example.am",
                                "text",
                                text.toUpperCase(Locale.ROOT),
                                "token",
                                token)),
                409);
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        HttpRequest request = HttpRequest.newBuilder(sling.uri(article + ".comments.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(tenMegabytes))
                .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertProblem(response, 413);
    }

    @Test
    void storesBotsAsSpamButAnswersThemLikeAnyone() throws InterruptedException {
        String honeypot = submitOk(
                article,
                Map.of(
                        "author",
                        "Bot",
                        "email",
                        "bot@example.am",
                        "text",
                        "Buy now " + UUID.randomUUID(),
                        "website",
                        "http://spam.example"));
        String fresh = token(article);
        HttpResponse<String> fast = submit(
                article,
                Map.of(
                        "author",
                        "Fast bot",
                        "email",
                        "fast@example.am",
                        "text",
                        "Too quick " + UUID.randomUUID(),
                        "token",
                        fresh));
        assertEquals(202, fast.statusCode());
        assertEquals("pending", json(fast).path("status").asText());
        JsonNode spam = json(moderator(site + ".moderation.json?status=spam&limit=100"));
        assertNotNull(find(spam.path("items"), honeypot));
        assertNotNull(find(spam.path("items"), json(fast).path("id").asText()));
        assertNotNull(find(spam.path("items"), honeypot).path("reason").asText());
    }

    @Test
    void approvesAtOnceWhereTheSiteSaysSoButHoldsManyLinks() throws InterruptedException {
        String open = createArticle(autoSite, "Auto-moderated article", true);
        String autoToken = token(open);
        Thread.sleep(2100);
        HttpResponse<String> plain =
                submit(open, Map.of("author", "Jo", "email", "jo@example.am", "text", "Fine text", "token", autoToken));
        assertEquals("approved", json(plain).path("status").asText());
        assertNotNull(find(
                json(sling.get(open + ".comments.json")).path("items"),
                json(plain).path("id").asText()));
        HttpResponse<String> links = submit(
                open,
                Map.of(
                        "author",
                        "Jo",
                        "email",
                        "jo@example.am",
                        "text",
                        "See http://a.example http://b.example http://c.example",
                        "token",
                        autoToken));
        assertEquals("pending", json(links).path("status").asText());
        JsonNode held = find(
                json(moderator(autoSite + ".moderation.json")).path("items"),
                json(links).path("id").asText());
        assertTrue(held.path("reason").asText().contains("links"), held.toString());
    }

    @Test
    void neutralisesScriptInEveryForm() {
        String[] payloads = {
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">j</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>",
            "<svg onload=alert(1)><circle r=1></svg>",
            "<p style=\"width:expression(alert(1))\">css</p>",
            "<b>unclosed <i>tags",
            "4-byte: 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👍🏽",
        };
        for (String payload : payloads) {
            String text = payload + " " + UUID.randomUUID();
            String id = submitOk(article, Map.of("author", "X<script>", "email", "x@example.am", "text", text));
            moderate(site, id, "approve");
            JsonNode comment =
                    find(json(sling.get(article + ".comments.json?limit=100")).path("items"), id);
            String html = comment.path("text").asText().toLowerCase(Locale.ROOT);
            for (String bad : new String[] {
                "<script", "onerror", "onload", "javascript:", "data:", "expression(", "<svg", "<img", "style="
            }) {
                assertFalse(html.contains(bad), () -> payload + " left " + bad + " in " + html);
            }
            assertEquals("X<script>", comment.path("author").asText(), "names are data: JSON, never HTML");
            if (payload.startsWith("4-byte")) {
                // kept, as characters or as character references (what the sanitiser writes beyond the BMP)
                assertTrue(
                        (html.contains("😀") || html.contains("&#x1f600;"))
                                && (html.contains("👍") || html.contains("&#x1f44d;")),
                        html);
            }
            JsonNode original = find(
                    json(moderator(site + ".moderation.json?status=approved&limit=100"))
                            .path("items"),
                    id);
            assertEquals(text, original.path("text").asText(), "moderators see the original");
        }
    }

    @Test
    void limitsTheRatePerClientWithRetryAfter() {
        String limited = createArticle(site, "Rate limited article", true);
        String limitedToken = token(limited);
        try {
            sling.configure(PID, Map.of("client.burst", "2", "client.per.minute", "1", "min.fill.seconds", "0"));
            awaitMinFillSeconds(limited, 0); // the configuration applies asynchronously, all of it at once
            int accepted = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = submit(
                        limited,
                        Map.of(
                                "author",
                                "Flood",
                                "email",
                                "f@example.am",
                                "text",
                                "Flood " + i + " " + UUID.randomUUID(),
                                "token",
                                limitedToken));
                if (last.statusCode() == 202) {
                    accepted++;
                }
            }
            assertEquals(2, accepted);
            assertProblem(last, 429);
            assertTrue(Integer.parseInt(header(last, "Retry-After")) > 0);
            HttpResponse<String> spoofed = submit(
                    limited,
                    Map.of(
                            "author",
                            "Flood",
                            "email",
                            "f@example.am",
                            "text",
                            "Spoofed " + UUID.randomUUID(),
                            "token",
                            limitedToken),
                    "X-Forwarded-For",
                    "198.51.100.1");
            assertProblem(spoofed, 429); // X-Forwarded-For is not believed without a trusted proxy
        } finally {
            sling.configure(PID, Map.of("client.burst", "1000", "client.per.minute", "1000", "min.fill.seconds", "2"));
            awaitMinFillSeconds(limited, 2);
        }
    }

    /**
     * Waits until the comment form of an article hands out the minimum fill time, i.e. until a new configuration of
     * the comment service (which replaces all its values at once) is in effect.
     */
    static void awaitMinFillSeconds(String articlePath, int seconds) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        int shown;
        while ((shown = json(SlingInstance.ready().get(articlePath + ".comment-form.json"))
                        .path("minFillSeconds")
                        .asInt(-1))
                != seconds) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The comment form still says minFillSeconds " + shown + ", not " + seconds);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void letsOnlyModeratorsModerate() {
        assertProblem(sling.get(site + ".moderation.json"), 401);
        assertProblem(sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, site + ".moderation.json"), 403);
        assertProblem(sling.getAs(SlingInstance.READER, SlingInstance.READER_PASSWORD, site + ".moderation.json"), 403);
        String id = submitOk(article, "Kim", "Moderate me " + UUID.randomUUID());
        assertProblem(
                sling.postAs(
                        SlingInstance.AUTHOR,
                        SlingInstance.AUTHOR_PASSWORD,
                        site + ".moderation.json",
                        Map.of("id", id, "action", "approve")),
                403);
        assertProblem(sling.post(site + ".moderation.json", Map.of("id", id, "action", "approve")), 401);
        assertProblem(moderate(site, id, "publish-everything"), 400);
        assertProblem(moderate(site, "20220101-000000000-zzzzzzzz", "approve"), 404);
        assertEquals(200, moderator(site + ".moderation.json?status=pending").statusCode());
        assertEquals("private, no-store", header(moderator(site + ".moderation.json"), "Cache-Control"));
    }

    @Test
    void pagesCommentsAndTheQueueWithCursors() {
        String paged = createArticle(site, "Paged article", true);
        String pagedToken = token(paged);
        sleep(2100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = json(submit(
                            paged,
                            Map.of(
                                    "author",
                                    "P" + i,
                                    "email",
                                    "p@example.am",
                                    "text",
                                    "Paged " + i + " " + UUID.randomUUID(),
                                    "token",
                                    pagedToken)))
                    .path("id")
                    .asText();
            moderate(site, id, "approve");
            ids.add(0, id); // newest first
        }
        List<String> seen = new ArrayList<>();
        String next = paged + ".comments.json?limit=2";
        while (next != null) {
            JsonNode page = json(sling.get(next.replace(sling.baseUrl(), "")));
            page.path("items").forEach(c -> seen.add(c.path("id").asText()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
        }
        assertEquals(ids, seen);
        assertProblem(sling.get(paged + ".comments.json?cursor=forged"), 400);
    }

    static String createArticle(String sitePath, String title, boolean published) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title + " " + UUID.randomUUID().toString().substring(0, 6));
        if (published) {
            body.put("published", "2022-01-10T14:40:00+04:00");
        }
        HttpResponse<String> response = SlingInstance.ready().postJsonAsAuthor(sitePath + ".articles.json", body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).path("path").asText();
    }

    static String token(String articlePath) {
        HttpResponse<String> form = SlingInstance.ready().get(articlePath + ".comment-form.json");
        assertEquals(200, form.statusCode(), form.body());
        assertEquals("private, no-store", header(form, "Cache-Control"));
        return json(form).path("token").asText();
    }

    static HttpResponse<String> submit(String articlePath, Map<String, String> fields, String... headers) {
        return SlingInstance.ready().post(articlePath + ".comments.json", fields, headers);
    }

    private static String submitOk(String articlePath, String author, String text) {
        return submitOk(
                articlePath,
                Map.of("author", author, "email", author.toLowerCase(Locale.ROOT) + "@example.am", "text", text));
    }

    private static String submitOk(String articlePath, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("token", token);
        HttpResponse<String> response = submit(articlePath, withToken);
        assertEquals(202, response.statusCode(), response.body());
        return json(response).path("id").asText();
    }

    /**
     * Comments from the tests' one address, as many as they send: the rate limits lifted, and the minimum fill time
     * (a faster comment is filed as spam) set to {@code minFillSeconds}.
     */
    static void liftRateLimits(SlingInstance sling, int minFillSeconds) {
        sling.configure(
                PID,
                Map.of(
                        "client.burst",
                        "1000",
                        "client.per.minute",
                        "1000",
                        "article.burst",
                        "1000",
                        "article.per.minute",
                        "1000",
                        "min.fill.seconds",
                        Integer.toString(minFillSeconds)));
    }

    static HttpResponse<String> moderate(String sitePath, String id, String action) {
        return SlingInstance.ready()
                .postAs(
                        SlingInstance.MODERATOR,
                        SlingInstance.MODERATOR_PASSWORD,
                        sitePath + ".moderation.json",
                        Map.of("id", id, "action", action));
    }

    static HttpResponse<String> moderator(String path) {
        return SlingInstance.ready().getAs(SlingInstance.MODERATOR, SlingInstance.MODERATOR_PASSWORD, path);
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
