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
    private static final String DRAFT = SITE + "/drafts/spring-opera-season";
    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
    }

    @Test
    void describesEveryEndpoint() {
        var paths = OpenApi.document().path("paths");
        String article = "/content/newsfeed/{site}/articles/{yyyy}/{mm}/{dd}/{slug}";
        String draft = "/content/newsfeed/{site}/drafts/{slug}";
        for (String path : new String[] {
            "/content/newsfeed/{site}.json",
            "/content/newsfeed/{site}.feed.json",
            "/content/newsfeed/{site}.feed.explain.json",
            "/content/newsfeed/{site}.search.json",
            "/content/newsfeed/{site}.calendar.json",
            "/content/newsfeed/{site}.calendar.{month}.json",
            "/content/newsfeed/{site}/articles.json",
            "/content/newsfeed/{site}/articles/{yyyy}.json",
            "/content/newsfeed/{site}/articles/{yyyy}/{mm}.json",
            "/content/newsfeed/{site}/articles/{yyyy}/{mm}/{dd}.json",
            "/content/newsfeed/{site}.rss",
            "/content/newsfeed/{site}.atom",
            "/content/newsfeed/{site}.feed.jsonfeed",
            "/content/newsfeed/{site}.changes.json",
            "/content/newsfeed/{site}.moderation.json",
            "/content/newsfeed/{site}.articles.json",
            "/content/newsfeed/{site}.reindex.json",
            "/content/newsfeed/{site}.settings.json",
            "/content/newsfeed/{site}.csrf.json",
            "/content/newsfeed/{site}.console.html",
            "/content/newsfeed/{site}.model.json",
            article + ".json",
            article + ".model.json",
            article + ".comments.json",
            article + ".comment-form.json",
            article + ".edit.json",
            article + ".update.json",
            article + ".delete.json",
            draft + ".json",
            draft + ".edit.json",
            draft + ".update.json",
            draft + ".delete.json"
        }) {
            assertTrue(paths.has(path), path);
        }
        for (String path : new String[] {
            "/content/newsfeed/{site}.articles.json",
            "/content/newsfeed/{site}.settings.json",
            article + ".comments.json"
        }) {
            assertTrue(paths.path(path).has("get") && paths.path(path).has("post"), path);
        }
        assertTrue(paths.path(article + ".comments.json").has("options"), "CORS preflight");
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
        OpenApi.assertValid("Site", ok(SITE + ".model.json"));
        OpenApi.assertValid("Article", ok(SEED + ".model.json"));
        OpenApi.assertValid("Problem", json(sling.get(SEED + ".model.tidy.json")));
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

    @Test
    void consoleDocumentsMatchTheirSchemas() {
        OpenApi.assertValid("AuthorArticlePage", asAuthor(SITE + ".articles.json?limit=5"));
        OpenApi.assertValid("AuthorArticlePage", asAuthor(SITE + ".articles.json?status=draft"));
        OpenApi.assertValid("ArticleEditor", asAuthor(SEED + ".edit.json"));
        OpenApi.assertValid("ArticleEditor", asAuthor(DRAFT + ".edit.json"));
        OpenApi.assertValid("Article", asAuthor(DRAFT + ".json"));
        OpenApi.assertValid("SiteSettings", asAuthor(SITE + ".settings.json"));
        OpenApi.assertValid("CsrfToken", asAuthor(SITE + ".csrf.json"));
        HttpResponse<String> plan = sling.getAsAdmin(SITE + ".feed.explain.json?tag=politics");
        assertEquals(200, plan.statusCode(), plan.body());
        OpenApi.assertValid("FeedPlan", json(plan));
        HttpResponse<String> anonymous = sling.get(SITE + ".settings.json");
        assertEquals(401, anonymous.statusCode());
        OpenApi.assertValid("Problem", json(anonymous));
    }

    private static com.fasterxml.jackson.databind.JsonNode asAuthor(String path) {
        HttpResponse<String> r = sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return json(r);
    }

    private static com.fasterxml.jackson.databind.JsonNode ok(String path) {
        HttpResponse<String> r = sling.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return json(r);
    }
}
