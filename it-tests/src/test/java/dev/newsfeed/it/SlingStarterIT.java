package dev.newsfeed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user checks first: Sling is up, every bundle is active, the web console wants the admin credentials. */
class SlingStarterIT {

    private static SlingInstance sling;

    @BeforeAll
    static void startSling() {
        sling = SlingInstance.ready();
    }

    @Test
    void instanceIsAlive() {
        HttpResponse<String> response = sling.get("/system/health/systemalive.json");

        assertEquals(200, response.statusCode(), response::body);
    }

    @Test
    void allBundlesAreActive() throws Exception {
        HttpResponse<String> response = sling.getAsAdmin("/system/console/bundles.json");
        assertEquals(200, response.statusCode());

        JsonNode bundles = SlingInstance.MAPPER.readTree(response.body());
        String status = bundles.path("status").asText();
        assertTrue(SlingInstance.allBundlesActive(status), status);

        List<String> notActive = new ArrayList<>();
        for (JsonNode bundle : bundles.path("data")) {
            String state = bundle.path("state").asText();
            if (!state.equals("Active") && !state.equals("Fragment")) {
                notActive.add(bundle.path("symbolicName").asText() + " " + state);
            }
        }
        assertEquals(List.of(), notActive);
    }

    @Test
    void newsfeedBundleIsActive() throws Exception {
        JsonNode bundles = SlingInstance.MAPPER.readTree(
                sling.getAsAdmin("/system/console/bundles.json").body());

        List<String> newsfeed = new ArrayList<>();
        for (JsonNode bundle : bundles.path("data")) {
            if (bundle.path("symbolicName").asText().startsWith("dev.newsfeed")) {
                newsfeed.add(bundle.path("state").asText());
            }
        }
        assertFalse(newsfeed.isEmpty(), "no dev.newsfeed.* bundle installed");
        assertTrue(newsfeed.stream().allMatch("Active"::equals), "states of the dev.newsfeed.* bundles: " + newsfeed);
    }

    @Test
    void webConsoleNeedsCredentials() {
        // Anonymous users are sent to Sling's login form; wrong credentials are refused.
        HttpResponse<String> anonymous = sling.get("/system/console/bundles.json");
        assertEquals(302, anonymous.statusCode());
        String location = anonymous.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/system/sling/form/login"), location);

        assertEquals(
                401,
                sling.getAs("admin", "wrong", "/system/console/bundles.json").statusCode());
        assertEquals(200, sling.getAsAdmin("/system/console/bundles.json").statusCode());
    }
}
