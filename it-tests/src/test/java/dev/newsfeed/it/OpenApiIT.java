package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real answers of the instance, validated against the schemas of docs/openapi.yaml. */
class OpenApiIT {

    private static final String SITE = "/content/newsfeed/day";
    private static final String SEED = SITE + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";
    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
    }

    @Test
    void describesEveryPublicPath() {
        var paths = OpenApi.document().path("paths");
        for (String path : new String[] {
            "/content/newsfeed/{site}.json",
            "/content/newsfeed/{site}.feed.json",
            "/content/newsfeed/{site}.calendar.{month}.json",
            "/content/newsfeed/{site}.rss",
            "/content/newsfeed/{site}.atom",
            "/content/newsfeed/{site}.feed.jsonfeed",
            "/content/newsfeed/{site}.changes.json",
            "/content/newsfeed/{site}.moderation.json",
            "/content/newsfeed/{site}/articles/{yyyy}/{mm}/{dd}/{slug}.comments.json"
        }) {
            assertTrue(paths.has(path), path);
        }
        assertEquals("3.1.0", OpenApi.document().path("openapi").asText());
    }

    @Test
    void publicDocumentsMatchTheirSchemas() {
        OpenApi.assertValid("Site", ok(SITE + ".json"));
        OpenApi.assertValid("Article", ok(SEED + ".json"));
        OpenApi.assertValid("ArticlePage", ok(SITE + ".feed.json?limit=5"));
        OpenApi.assertValid("ArticlePage", ok(SITE + "/articles/2022/01.json"));
        OpenApi.assertValid("ArticlePage", ok(SITE + "/articles.json?limit=2"));
        OpenApi.assertValid("Calendar", ok(SITE + ".calendar.2022-01.json"));
        OpenApi.assertValid("Calendar", ok(SITE + ".calendar.json"));
        OpenApi.assertValid("CommentsPage", ok(SEED + ".comments.json"));
        OpenApi.assertValid("CommentForm", ok(SEED + ".comment-form.json"));
        OpenApi.assertValid("ChangesPage", ok(SITE + ".changes.json"));
        OpenApi.assertValid("JsonFeed", ok(SITE + ".feed.jsonfeed"));
    }

    @Test
    void problemsMatchTheirSchema() {
        for (String path : new String[] {
            SITE + ".calendar.2022-13.json",
            SITE + ".feed.json?limit=0",
            SEED + ".xml",
            SITE + ".changes.json?since=forged"
        }) {
            HttpResponse<String> r = sling.get(path);
            assertTrue(r.statusCode() >= 400, path);
            OpenApi.assertValid("Problem", json(r));
        }
    }

    @Test
    void authoringAndModerationAnswersMatchTheirSchemas() {
        HttpResponse<String> created = sling.postJsonAsAuthor(
                SITE + ".articles.json", Map.of("title", "Schema check", "published", "2022-03-09T10:00"));
        assertEquals(201, created.statusCode());
        OpenApi.assertValid("Article", json(created));
        OpenApi.assertValid("ModerationPage", json(CommentsIT.moderator(SITE + ".moderation.json")));
    }

    private static com.fasterxml.jackson.databind.JsonNode ok(String path) {
        HttpResponse<String> r = sling.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return json(r);
    }
}
