package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIT {

    private static final String ARTICLES = "/content/newsfeed/day/articles";
    private static final String SEED = ARTICLES + "/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";
    private static final String AFTER_MIDNIGHT = ARTICLES + "/2022/02/01/night-session-of-parliament-ends";
    private static final String SCHEDULED = ARTICLES + "/2099/01/01/time-capsule-opens";
    private static final String DRAFT = "/content/newsfeed/day/drafts/spring-opera-season";

    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
    }

    @Test
    void servesTheSeedArticleAsTheContractDescribes() {
        HttpResponse<String> response = sling.get(SEED + ".json");
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/json;charset=utf-8",
                header(response, "Content-Type").toLowerCase());
        assertEquals(Expected.document("seed-article.json", sling), json(response));
        assertEquals("public, max-age=60, s-maxage=600, stale-while-revalidate=30", header(response, "Cache-Control"));
        assertEquals("Mon, 10 Jan 2022 10:40:00 GMT", header(response, "Last-Modified"));
        assertNotNull(header(response, "ETag"));
    }

    @Test
    void showsTimesInTheSiteZoneAndLinksTheLocalDay() {
        JsonNode article = json(sling.get(AFTER_MIDNIGHT + ".json"));
        // 2022-01-31T21:30Z is already February 1 in Yerevan
        assertEquals("2022-02-01T01:30:00+04:00", article.path("published").asText());
        assertEquals(
                sling.baseUrl() + ARTICLES + "/2022/02/01.json",
                article.at("/archive/day").asText());
        assertEquals(
                sling.baseUrl() + ARTICLES + "/2022/02.json",
                article.at("/archive/month").asText());
    }

    @Test
    void revalidatesWith304() {
        HttpResponse<String> first = sling.get(SEED + ".json");
        HttpResponse<String> again = sling.get(SEED + ".json", "If-None-Match", header(first, "ETag"));
        assertEquals(304, again.statusCode());
        assertEquals(header(first, "ETag"), header(again, "ETag"));
        assertEquals("public, max-age=60, s-maxage=600, stale-while-revalidate=30", header(again, "Cache-Control"));

        HttpResponse<String> since = sling.get(SEED + ".json", "If-Modified-Since", "Mon, 10 Jan 2022 10:40:00 GMT");
        assertEquals(304, since.statusCode());
        HttpResponse<String> before = sling.get(SEED + ".json", "If-Modified-Since", "Mon, 10 Jan 2022 10:39:59 GMT");
        assertEquals(200, before.statusCode());
    }

    @Test
    void hidesScheduledArticlesAndDraftsFromAnonymousReaders() {
        HttpResponse<String> scheduled = sling.get(SCHEDULED + ".json");
        assertProblem(scheduled, 404);
        assertFalse(scheduled.body().contains("Time capsule"));

        HttpResponse<String> draft = sling.get(DRAFT + ".json");
        assertEquals(404, draft.statusCode());
        assertFalse(draft.body().contains("spring season"));
        for (String rendering : new String[] {".infinity.json", ".xml", ".tidy.json"}) {
            assertFalse(
                    sling.get("/content/newsfeed/day/drafts" + rendering).body().contains("spring season"));
        }
    }

    @Test
    void letsAnEditorPreviewAScheduledArticleWithoutCaching() {
        HttpResponse<String> preview = sling.getAsAdmin(SCHEDULED + ".json");
        assertEquals(200, preview.statusCode());
        assertEquals("Time capsule of 2022 opens", json(preview).path("title").asText());
        assertEquals("private, no-store", header(preview, "Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".infinity.json",
                ".tidy.json",
                ".-1.json",
                ".xml",
                ".txt",
                ".html",
                ".comments.xml",
                ".foo.json",
                ".json/suffix",
                ""
            })
    void answersEveryOtherRenderingWithA404Problem(String rendering) {
        HttpResponse<String> response = sling.get(SEED + rendering);
        assertProblem(response, 404);
        assertFalse(response.body().contains("jcr:primaryType"));
    }

    @Test
    void answersHeadLikeGetWithoutABody() {
        HttpResponse<String> head = sling.head(SEED + ".json");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(header(sling.get(SEED + ".json"), "ETag"), header(head, "ETag"));
    }
}
