package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.http.Json;
import org.junit.jupiter.api.Test;

class PurgeRequestsTest {

    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("article:a1", "feed:day", "changes:day"));
    private static final Change CHANGE =
            new Change(Change.Type.UPDATED, "day", "a1", "/content/newsfeed/day/a", 0, Instant.EPOCH, KEYS);

    @Test
    void theWebhookPostsTheChangeAsJsonWithTheAuthorizationIfSet() throws Exception {
        List<PurgeRequest> requests = PurgeRequests.webhook(" http://cdn.test/purge ", "Bearer t", CHANGE);
        assertEquals(1, requests.size());
        PurgeRequest post = requests.get(0);
        assertEquals("POST", post.method());
        assertEquals(URI.create("http://cdn.test/purge"), post.uri());
        assertEquals(Map.of("Content-Type", "application/json", "Authorization", "Bearer t"), post.headers());
        JsonNode body = Json.MAPPER.readTree(new String(post.body(), StandardCharsets.UTF_8));
        assertEquals("updated", body.path("type").asText());
        assertEquals("day", body.path("site").asText());
        assertEquals("a1", body.path("id").asText());
        assertEquals(
                "[\"article:a1\",\"feed:day\",\"changes:day\"]",
                body.path("keys").toString());
        assertEquals(
                Map.of("Content-Type", "application/json"),
                PurgeRequests.webhook("http://cdn.test/", "", CHANGE).get(0).headers());
    }

    @Test
    void noWebhookWithoutAUrl() {
        assertEquals(List.of(), PurgeRequests.webhook("", "Bearer t", CHANGE));
        assertEquals(List.of(), PurgeRequests.webhook(" ", "", CHANGE));
        assertEquals(List.of(), PurgeRequests.webhook(null, null, CHANGE));
    }

    @Test
    void xkeySendsOnePurgeWithTheKeysToEveryCache() {
        List<PurgeRequest> requests = PurgeRequests.xkey(
                new String[] {"http://127.0.0.1:6081/", " ", "http://127.0.0.1:6082/"}, "PURGE", "xkey-purge", KEYS);
        assertEquals(2, requests.size());
        assertEquals(URI.create("http://127.0.0.1:6081/"), requests.get(0).uri());
        assertEquals(URI.create("http://127.0.0.1:6082/"), requests.get(1).uri());
        for (PurgeRequest purge : requests) {
            assertEquals("PURGE", purge.method());
            assertEquals(Map.of("xkey-purge", "article:a1 feed:day changes:day"), purge.headers());
            assertEquals(0, purge.body().length);
        }
    }

    @Test
    void xkeyCanUseAnotherMethodAndHeader() {
        PurgeRequest soft = PurgeRequests.xkey(new String[] {"https://cache.test"}, "BAN", "xkey-softpurge", KEYS)
                .get(0);
        assertEquals("BAN", soft.method());
        assertEquals(Set.of("xkey-softpurge"), soft.headers().keySet());
    }

    @Test
    void noXkeyPurgeWithoutUrlsOrKeys() {
        assertEquals(List.of(), PurgeRequests.xkey(new String[0], "PURGE", "xkey-purge", KEYS));
        assertEquals(List.of(), PurgeRequests.xkey(null, "PURGE", "xkey-purge", KEYS));
        assertEquals(List.of(), PurgeRequests.xkey(new String[] {"http://c/"}, "PURGE", "xkey-purge", Set.of()));
    }

    @Test
    void xkeyRefusesWhatIsNotAnHttpUrlOrAToken() {
        String[] cache = {"http://127.0.0.1:6081/"};
        assertThrows(
                IllegalArgumentException.class,
                () -> PurgeRequests.xkey(new String[] {"127.0.0.1:6081"}, "PURGE", "xkey-purge", KEYS));
        assertThrows(
                IllegalArgumentException.class,
                () -> PurgeRequests.xkey(new String[] {"ftp://c/"}, "PURGE", "xkey-purge", KEYS));
        assertThrows(IllegalArgumentException.class, () -> PurgeRequests.xkey(cache, "PUR GE", "xkey-purge", KEYS));
        assertThrows(IllegalArgumentException.class, () -> PurgeRequests.xkey(cache, "PURGE", "xkey:purge", KEYS));
        assertThrows(IllegalArgumentException.class, () -> PurgeRequests.xkey(cache, "PURGE", "", KEYS));
        assertThrows(
                IllegalArgumentException.class,
                () -> PurgeRequests.xkey(cache, "PURGE", "xkey-purge", Set.of("two words")));
    }

    @Test
    void aLongKeyListIsSplitOverRequestsThatVarnishAccepts() {
        Set<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 600; i++) {
            many.add("day:a-rather-long-site-name:2022-01-" + i);
        }
        List<String> values = PurgeRequests.headerValues(many);
        assertTrue(values.size() > 1, "split");
        List<String> again = new ArrayList<>();
        for (String value : values) {
            assertTrue(value.length() <= PurgeRequests.MAX_HEADER_CHARS, value.length() + " chars");
            again.addAll(Arrays.asList(value.split(" ")));
        }
        assertEquals(List.copyOf(many), again);
        assertEquals(
                values.size(),
                PurgeRequests.xkey(new String[] {"http://c/"}, "PURGE", "xkey-purge", many)
                        .size());
    }
}
