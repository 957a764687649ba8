package dev.newsfeed.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** A fresh site per test class, written through Sling's POST servlet the way an administrator would. */
final class TestSites {

    private TestSites() {}

    /** Creates {@code /content/newsfeed/<prefix>-<random>} in Asia/Yerevan, Monday first; its path. */
    static String create(SlingInstance sling, String prefix) {
        String path = "/content/newsfeed/" + prefix + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = sling.postAsAdmin(
                path,
                Map.of(
                        "jcr:primaryType", "nt:unstructured",
                        "sling:resourceType", "newsfeed/site",
                        "jcr:title", "Test site " + prefix,
                        "timeZone", "Asia/Yerevan",
                        "locale", "en",
                        "firstDayOfWeek", "MONDAY",
                        "reusePolicy", "Quote with a link.",
                        "commentsOpenDays@TypeHint", "Long",
                        "commentsOpenDays", "0"));
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
        return path;
    }
}
