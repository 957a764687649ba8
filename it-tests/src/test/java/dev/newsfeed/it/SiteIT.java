package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteIT {

    private static final String SITE = "/content/newsfeed/day";
    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
    }

    @Test
    void servesTheSampleSiteDocument() {
        HttpResponse<String> response = sling.get(SITE + ".json");
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/json;charset=utf-8",
                header(response, "Content-Type").toLowerCase());
        assertEquals(Expected.document("day-site.json", sling), Expected.json(response));
        assertEquals("public, max-age=60, s-maxage=600, stale-while-revalidate=30", header(response, "Cache-Control"));
        assertNotNull(header(response, "ETag"));
        assertNotNull(header(response, "Last-Modified"));
    }

    @Test
    void answers304ForAMatchingEtagAndAnUnchangedDate() {
        HttpResponse<String> first = sling.get(SITE + ".json");
        String etag = header(first, "ETag");
        HttpResponse<String> byEtag = sling.get(SITE + ".json", "If-None-Match", etag);
        assertEquals(304, byEtag.statusCode());
        assertEquals(etag, header(byEtag, "ETag"));
        assertEquals("", byEtag.body());

        HttpResponse<String> byDate = sling.get(SITE + ".json", "If-Modified-Since", header(first, "Last-Modified"));
        assertEquals(304, byDate.statusCode());

        HttpResponse<String> otherEtag = sling.get(SITE + ".json", "If-None-Match", "\"something-else\"");
        assertEquals(200, otherEtag.statusCode());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".infinity.json",
                ".tidy.json",
                ".1.json",
                ".xml",
                ".txt",
                ".html",
                ".foo.json",
                ".json/x",
                ".feed.xml",
                ""
            })
    void answersEveryOtherRenderingOfTheSiteWithA404Problem(String rendering) {
        assertProblem(sling.get(SITE + rendering), 404);
    }

    @Test
    void neverServesTheRawArchiveTree() {
        for (String path : new String[] {
            SITE + "/articles.infinity.json", SITE + "/articles/2022.xml", SITE + "/articles/2022/01/10.tidy.-1.json"
        }) {
            HttpResponse<String> response = sling.get(path);
            assertProblem(response, 404);
            assertTrue(!response.body().contains("jcr:primaryType"), path);
        }
    }
}
