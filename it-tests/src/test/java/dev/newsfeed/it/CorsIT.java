package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS as a browser uses it: real preflights (OPTIONS with Origin, Access-Control-Request-Method and -Headers) and
 * actual requests with Origin, against the configured policy (PID dev.newsfeed.impl.http.Cors, set through the web
 * console): public reads from any origin, comments from the configured origins only, credentials only for the
 * credentials origins, refusals as 403 problems without any Access-Control-Allow-* header.
 */
class CorsIT {

    static final String PID = "dev.newsfeed.impl.http.Cors";
    private static final String READER = "http://reader.example:8085";
    private static final String DESK = "https://desk.example";
    private static final String STRANGER = "https://stranger.example";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static SlingInstance sling;
    private static String site;
    private static String article;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "cors");
        article = CommentsIT.createArticle(site, "Cross-origin article", true);
        sling.configure(
                CommentsIT.PID,
                Map.of(
                        "client.burst", "1000",
                        "client.per.minute", "1000",
                        "article.burst", "1000",
                        "article.per.minute", "1000",
                        "min.fill.seconds", "0"));
        CommentsIT.awaitMinFillSeconds(article, 0);
        configure(READER, DESK);
    }

    @AfterAll
    static void restore() {
        restoreDefaults(sling);
        CommentsIT.restoreDefaults(sling);
    }

    /** Newsfeed's CORS defaults: public reads from any origin, nothing else. */
    static void restoreDefaults(SlingInstance sling) {
        sling.configure(
                PID,
                Map.of(
                        "cors.read.origins", "*",
                        "cors.write.origins", "",
                        "cors.credentials.origins", "",
                        "cors.max.age", "600"));
    }

    /** Sets the write and credentials origins and waits until a preflight shows them. */
    private static void configure(String write, String credentials) {
        sling.configure(
                PID,
                Map.of(
                        "cors.read.origins",
                        "*",
                        "cors.write.origins",
                        write,
                        "cors.credentials.origins",
                        credentials,
                        "cors.max.age",
                        "120"));
        Eventually.within(
                Duration.ofSeconds(20),
                () -> assertEquals(
                        204,
                        preflight(article + ".comments.json", READER, "POST", "content-type")
                                .statusCode()));
    }

    @Test
    void answersPreflightsItselfNotWebdav() {
        HttpResponse<String> answer = preflight(site + ".feed.json", STRANGER, "GET", "if-none-match");
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(STRANGER, header(answer, "Access-Control-Allow-Origin"));
        assertEquals("GET, HEAD", header(answer, "Access-Control-Allow-Methods"));
        assertEquals("Content-Type, If-None-Match, If-Modified-Since", header(answer, "Access-Control-Allow-Headers"));
        assertEquals("120", header(answer, "Access-Control-Max-Age"));
        assertTrue(
                answer.headers().allValues("Vary").contains("Origin"),
                answer.headers().toString());
        assertNull(header(answer, "Access-Control-Allow-Credentials"));
        assertNull(header(answer, "WWW-Authenticate"));
        // every Newsfeed resource: an archive folder, an article, a missing article
        for (String path :
                List.of(site + "/articles/2022.json", article + ".json", site + "/articles/2022/01/10/no.json")) {
            assertEquals(204, preflight(path, STRANGER, "GET", null).statusCode(), path);
        }
        HttpResponse<String> plain =
                send(request(site + ".json").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, plain.statusCode());
        assertEquals("GET, HEAD, OPTIONS", header(plain, "Allow"));
    }

    @Test
    void publicReadsAnswerAStarToEveryOrigin() {
        for (String path : List.of(
                site + ".json",
                article + ".json",
                site + ".feed.json",
                site + ".calendar.2022-01.json",
                site + "/articles/2022/01/10.json",
                article + ".comments.json",
                site + ".rss")) {
            HttpResponse<String> answer = get(path, "Origin", STRANGER);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("*", header(answer, "Access-Control-Allow-Origin"), path);
            assertEquals("ETag, Last-Modified, Location, Link", header(answer, "Access-Control-Expose-Headers"));
            assertFalse(answer.headers().allValues("Vary").contains("Origin"), path + " varies on Origin");
            assertNull(header(answer, "Access-Control-Allow-Credentials"), path);
            // the same without Origin: a cached copy serves every origin
            assertEquals("*", header(get(path), "Access-Control-Allow-Origin"), path);
        }
        HttpResponse<String> missing = get(site + "/articles/2022/01/10/no-such-article.json", "Origin", STRANGER);
        assertProblem(missing, 404);
        assertEquals("*", header(missing, "Access-Control-Allow-Origin"));
    }

    @Test
    void commentsOnlyFromTheConfiguredOrigins() {
        HttpResponse<String> preflight = preflight(article + ".comments.json", READER, "POST", "content-type");
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(READER, header(preflight, "Access-Control-Allow-Origin"));
        assertEquals("GET, HEAD, POST", header(preflight, "Access-Control-Allow-Methods"));
        assertNull(header(preflight, "Access-Control-Allow-Credentials"));

        HttpResponse<String> form = get(article + ".comment-form.json", "Origin", READER);
        assertEquals(200, form.statusCode());
        assertEquals(READER, header(form, "Access-Control-Allow-Origin"));
        assertTrue(form.headers().allValues("Vary").contains("Origin"));
        String token = json(form).path("token").asText();
        String text = "From the reader's origin " + UUID.randomUUID();
        HttpResponse<String> accepted = postJson(article + ".comments.json", READER, comment(text, token));
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(READER, header(accepted, "Access-Control-Allow-Origin"));
        assertTrue(accepted.headers().allValues("Vary").contains("Origin"));

        // another origin: the preflight, a "simple" form POST that needs none, and the form are refused
        JsonNode refusal = assertProblem(preflight(article + ".comments.json", STRANGER, "POST", "content-type"), 403);
        assertEquals(
                "urn:dev.newsfeed:problem:cors-refused", refusal.path("type").asText());
        assertTrue(refusal.path("detail").asText().contains("cors.write.origins"), refusal.toString());
        String refusedText = "From a stranger " + UUID.randomUUID();
        HttpResponse<String> refused = sling.post(
                article + ".comments.json",
                Map.of("author", "Mallory", "email", "m@example.org", "text", refusedText, "token", token),
                "Origin",
                STRANGER);
        assertProblem(refused, 403);
        assertNoCors(refused);
        HttpResponse<String> foreignForm = get(article + ".comment-form.json", "Origin", STRANGER);
        assertEquals(200, foreignForm.statusCode());
        assertNull(header(foreignForm, "Access-Control-Allow-Origin"));
        assertEquals(List.of("Origin"), foreignForm.headers().allValues("Vary"));

        String queue = CommentsIT.moderator(site + ".moderation.json?status=pending&limit=100")
                .body();
        assertTrue(queue.contains(text), "the reader origin's comment waits for moderation");
        assertFalse(queue.contains(refusedText), "the refused comment was stored");
        // a request without Origin (curl, a server) is not a browser's: it is not affected
        assertEquals(
                202,
                postJson(article + ".comments.json", null, comment("Server side " + UUID.randomUUID(), token))
                        .statusCode());
    }

    @Test
    void noCredentialsUnlessTheOriginIsConfiguredForThem() {
        // a read or write origin asking to send Authorization: refused
        assertNoCors(assertRefused(preflight(site + ".json", STRANGER, "GET", "authorization")));
        assertNoCors(assertRefused(preflight(article + ".comments.json", READER, "POST", "authorization")));
        for (HttpResponse<String> answer : List.of(
                get(site + ".json", "Origin", READER),
                get(article + ".comment-form.json", "Origin", READER),
                get(site + ".json", "Origin", STRANGER))) {
            assertNull(
                    header(answer, "Access-Control-Allow-Credentials"),
                    answer.uri().toString());
        }
        // the credentials origin: its own origin echoed with credentials, Authorization and the CSRF header allowed
        HttpResponse<String> desk = preflight(site + ".articles.json", DESK, "POST", "authorization,x-newsfeed-csrf");
        assertEquals(204, desk.statusCode(), desk.body());
        assertEquals(DESK, header(desk, "Access-Control-Allow-Origin"));
        assertEquals("true", header(desk, "Access-Control-Allow-Credentials"));
        assertTrue(header(desk, "Access-Control-Allow-Headers").contains("X-Newsfeed-CSRF"));
        HttpResponse<String> list = sling.getAs(
                SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, site + ".articles.json", "Origin", DESK);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(DESK, header(list, "Access-Control-Allow-Origin"));
        assertEquals("true", header(list, "Access-Control-Allow-Credentials"));
    }

    @Test
    void authoringNeedsACredentialsOrigin() {
        for (String origin : List.of(READER, STRANGER)) {
            assertNoCors(assertRefused(preflight(site + ".articles.json", origin, "POST", "content-type")));
            assertNoCors(assertRefused(preflight(site + ".moderation.json", origin, "GET", null)));
            assertNoCors(assertRefused(preflight(article + ".update.json", origin, "POST", null)));
            String mark = UUID.randomUUID().toString();
            String title = "Cross-origin write " + mark;
            HttpResponse<String> write = sling.postJsonAs(
                    SlingInstance.AUTHOR,
                    SlingInstance.AUTHOR_PASSWORD,
                    site + ".articles.json",
                    Map.of("title", title),
                    "Origin",
                    origin);
            assertNoCors(assertRefused(write));
            String drafts = sling.getAs(
                            SlingInstance.AUTHOR,
                            SlingInstance.AUTHOR_PASSWORD,
                            site + ".articles.json?status=draft&q=" + mark)
                    .body();
            assertFalse(drafts.contains(title), "the refused write created the article");
        }
        // the console's own writes (Origin = this server) pass as before
        HttpResponse<String> own = sling.postJsonAs(
                SlingInstance.AUTHOR,
                SlingInstance.AUTHOR_PASSWORD,
                site + ".articles.json",
                Map.of("title", "Same origin " + UUID.randomUUID()),
                "Origin",
                sling.baseUrl());
        assertEquals(201, own.statusCode(), own.body());
    }

    private static HttpResponse<String> assertRefused(HttpResponse<String> answer) {
        JsonNode problem = assertProblem(answer, 403);
        assertEquals(
                "urn:dev.newsfeed:problem:cors-refused", problem.path("type").asText(), answer.body());
        return answer;
    }

    private static void assertNoCors(HttpResponse<String> answer) {
        for (String name : answer.headers().map().keySet()) {
            assertFalse(
                    name.toLowerCase(Locale.ROOT).startsWith("access-control-allow-"),
                    answer.request().method() + " " + answer.uri() + " answered " + name);
        }
    }

    private static Map<String, String> comment(String text, String token) {
        return Map.of("author", "Anna", "email", "anna@example.am", "text", text, "token", token);
    }

    // --- requests as a browser sends them ---

    private static HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(sling.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> preflight(String path, String origin, String method, String requestHeaders) {
        HttpRequest.Builder builder = request(path, "Origin", origin, "Access-Control-Request-Method", method)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        if (requestHeaders != null) {
            builder.header("Access-Control-Request-Headers", requestHeaders);
        }
        return send(builder);
    }

    private static HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    private static HttpResponse<String> postJson(String path, String origin, Map<String, String> body) {
        String json;
        try {
            json = SlingInstance.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder builder = origin == null ? request(path) : request(path, "Origin", origin);
        return send(builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
