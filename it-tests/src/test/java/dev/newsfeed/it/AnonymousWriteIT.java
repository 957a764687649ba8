package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Anonymous readers cannot create, change or delete anything below /content/newsfeed through Sling's POST servlet. */
class AnonymousWriteIT {

    private static final String SITE = "/content/newsfeed/day";
    private static final String SEED = SITE + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";

    private static SlingInstance sling;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
    }

    @Test
    void cannotCreateNodes() {
        for (String target : new String[] {
            SITE + "/articles/2022/01/10/*",
            SITE + "/articles/2022/01/10/forged",
            "/content/newsfeed/forged-site",
            SITE + "/drafts/forged"
        }) {
            HttpResponse<String> response = sling.post(
                    target,
                    Map.of(
                            "sling:resourceType",
                            "newsfeed/article",
                            "jcr:title",
                            "Forged",
                            "published",
                            "2022-01-10T10:00:00+04:00"));
            assertTrue(response.statusCode() >= 400, () -> target + " answered " + response.statusCode());
        }
        assertEquals(
                404, sling.getAsAdmin(SITE + "/articles/2022/01/10/forged.json").statusCode());
        assertEquals(404, sling.getAsAdmin("/content/newsfeed/forged-site.json").statusCode());
        assertEquals(404, sling.getAsAdmin(SITE + "/drafts/forged.json").statusCode());
    }

    @Test
    void cannotChangeOrDeleteArticlesOrSites() {
        for (Map<String, String> form : new Map[] {
            Map.of("jcr:title", "Defaced"),
            Map.of(":operation", "delete"),
            Map.of(":operation", "move", ":dest", "/content/newsfeed/moved"),
            Map.of("timeZone", "UTC")
        }) {
            HttpResponse<String> onArticle = sling.post(SEED, form);
            assertTrue(
                    onArticle.statusCode() >= 400, () -> form + " on the article answered " + onArticle.statusCode());
            HttpResponse<String> onSite = sling.post(SITE, form);
            assertTrue(onSite.statusCode() >= 400, () -> form + " on the site answered " + onSite.statusCode());
        }
        assertEquals(
                "Artsakh President on the events in Kazakhstan",
                json(sling.get(SEED + ".json")).path("title").asText());
        assertEquals(
                "Asia/Yerevan", json(sling.get(SITE + ".json")).path("timeZone").asText());
    }
}
