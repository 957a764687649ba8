package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Surrogate keys on public answers and one purge per change with exactly the keys it made stale, captured by a local
 * receiver configured as the purge endpoint.
 */
class PurgeIT {

    private static final String PID = "dev.newsfeed.impl.changes.PurgeNotifier";
    private static SlingInstance sling;
    private static PurgeReceiver receiver;
    private static String site;
    private static String name;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        receiver = new PurgeReceiver();
        sling.configure(PID, Map.of("purge.url", receiver.url()));
        site = TestSites.create(sling, "purge");
        name = site.substring(site.lastIndexOf('/') + 1);
    }

    @AfterAll
    static void close() {
        sling.configure(PID, Map.of("purge.url", ""));
        receiver.close();
    }

    @BeforeEach
    void quiet() {
        settle();
        receiver.clear();
    }

    @Test
    void namesWhatEachPublicAnswerDependsOn() {
        String path = create("Keys article", "2022-03-03T10:00");
        String id = json(sling.get(path + ".json")).path("id").asText();
        assertKeys(
                header(sling.get(path + ".json"), "Surrogate-Key"), "site:" + name, "article:" + id, "comments:" + id);
        assertKeys(
                header(sling.get(site + ".calendar.2022-03.json"), "Surrogate-Key"),
                "site:" + name,
                "calendar:" + name,
                "month:" + name + ":2022-03");
        assertKeys(
                header(sling.get(site + "/articles/2022/03/03.json"), "Surrogate-Key"),
                "day:" + name + ":2022-03-03",
                "comments:" + id);
        // a listing shows each article's comment count, so it names each article's thread
        assertKeys(
                header(sling.get(site + ".feed.json?from=2022-03-03&to=2022-03-03"), "Surrogate-Key"),
                "feed:" + name,
                "comments:" + id);
        assertKeys(header(sling.get(site + "/articles/2022/03.json"), "Surrogate-Key"), "month:" + name + ":2022-03");
        assertKeys(header(sling.get(site + ".rss"), "Surrogate-Key"), "feed:" + name);
        assertKeys(header(sling.get(path + ".comments.json"), "Surrogate-Key"), "comments:" + id);
    }

    @Test
    void purgesPublishEditRedateUnpublishAndDeleteOncEachWithExactKeys() {
        String path = create("Purged article", "2022-04-04T10:00");
        String id = json(sling.get(path + ".json")).path("id").asText();
        JsonNode publish = single();
        assertEquals("created", publish.path("type").asText());
        assertKeys(
                publish.path("keys"),
                "article:" + id,
                "day:" + name + ":2022-04-04",
                "month:" + name + ":2022-04",
                "year:" + name + ":2022",
                "archive:" + name,
                "feed:" + name,
                "calendar:" + name,
                "changes:" + name);

        assertEquals(
                200,
                sling.postJsonAsAuthor(path + ".update.json", Map.of("lead", "Edited"))
                        .statusCode());
        JsonNode edit = single();
        assertEquals("updated", edit.path("type").asText());
        assertKeys(edit.path("keys"), "article:" + id, "day:" + name + ":2022-04-04", "feed:" + name);
        assertFalse(keys(edit).contains("calendar:" + name), "an edit changes no count");

        String moved = json(sling.postJsonAsAuthor(path + ".update.json", Map.of("published", "2022-05-05T10:00")))
                .path("path")
                .asText();
        JsonNode redate = single();
        assertKeys(
                redate.path("keys"),
                "day:" + name + ":2022-04-04",
                "day:" + name + ":2022-05-05",
                "month:" + name + ":2022-04",
                "month:" + name + ":2022-05",
                "calendar:" + name);

        String draft = json(sling.postJsonAsAuthor(moved + ".update.json", Map.of("published", "")))
                .path("path")
                .asText();
        JsonNode unpublish = single();
        assertEquals("unpublished", unpublish.path("type").asText());
        assertKeys(unpublish.path("keys"), "article:" + id, "day:" + name + ":2022-05-05", "calendar:" + name);

        assertEquals(
                200,
                sling.postJsonAsAuthor(draft + ".update.json", Map.of("published", "2022-06-06T10:00"))
                        .statusCode());
        single();
        String republished = site + "/articles/2022/06/06/" + draft.substring(draft.lastIndexOf('/') + 1);
        assertEquals(
                204,
                sling.postAs(
                                SlingInstance.AUTHOR,
                                SlingInstance.AUTHOR_PASSWORD,
                                republished + ".delete.json",
                                Map.of())
                        .statusCode());
        JsonNode delete = single();
        assertEquals("deleted", delete.path("type").asText());
        assertKeys(delete.path("keys"), "article:" + id, "day:" + name + ":2022-06-06", "calendar:" + name);
    }

    @Test
    void purgesOnlyTheThreadWhenACommentIsApproved() throws InterruptedException {
        String path = create("Commented", "2022-07-07T10:00");
        String id = json(sling.get(path + ".json")).path("id").asText();
        settle();
        sling.configure(
                CommentsIT.PID, Map.of("min.fill.seconds", "0", "client.burst", "1000", "client.per.minute", "1000"));
        String token = CommentsIT.token(path);
        String comment = json(CommentsIT.submit(
                        path,
                        Map.of(
                                "author",
                                "Reader",
                                "email",
                                "r@example.am",
                                "text",
                                "Purge me " + java.util.UUID.randomUUID(),
                                "token",
                                token)))
                .path("id")
                .asText();
        receiver.clear();
        assertEquals(200, CommentsIT.moderate(site, comment, "approve").statusCode());
        JsonNode approval = single();
        assertEquals("comments", approval.path("type").asText());
        assertEquals(Set.of("comments:" + id, "changes:" + name), keys(approval), "the thread, not the site");
    }

    @Test
    void followsWritesThroughSlingsPostServletToo() {
        String path = site + "/articles/2022/08/08/posted";
        assertEquals(
                201,
                sling.postAsAdmin(
                                path,
                                Map.of(
                                        "jcr:primaryType",
                                        "nt:unstructured",
                                        "sling:resourceType",
                                        "newsfeed/article",
                                        "jcr:title",
                                        "Posted",
                                        "published",
                                        "2022-08-08T10:00:00.000+04:00",
                                        "published@TypeHint",
                                        "Date"))
                        .statusCode());
        JsonNode purge = single();
        assertEquals("created", purge.path("type").asText());
        assertTrue(
                keys(purge).contains("day:" + name + ":2022-08-08"), keys(purge).toString());
    }

    private static String create(String title, String published) {
        var r = sling.postJsonAsAuthor(site + ".articles.json", Map.of("title", title, "published", published));
        assertEquals(201, r.statusCode(), r.body());
        return json(r).path("path").asText();
    }

    /**
     * Exactly one purge arrives for the last change (and no second one within a few seconds). Only this test's site
     * counts: the instance is shared, and an article another test scheduled can go live and be purged meanwhile.
     */
    private static JsonNode single() {
        Eventually.within(Duration.ofSeconds(15), () -> assertFalse(ours().isEmpty(), "no purge yet"));
        settle();
        List<JsonNode> all = ours();
        receiver.clear();
        assertEquals(1, all.size(), () -> "one purge per change, got " + all);
        return all.get(0);
    }

    private static List<JsonNode> ours() {
        return receiver.received().stream()
                .filter(p -> site.equals(p.path("site").asText()))
                .toList();
    }

    /** Lets the listener catch up with the last write (it finds nothing more to announce). */
    private static void settle() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> keys(JsonNode purge) {
        Set<String> keys = new HashSet<>();
        purge.path("keys").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    private static void assertKeys(JsonNode keys, String... expected) {
        Set<String> actual = new HashSet<>();
        keys.forEach(k -> actual.add(k.asText()));
        for (String e : expected) {
            assertTrue(actual.contains(e), () -> e + " missing from " + actual);
        }
    }

    private static void assertKeys(String header, String... expected) {
        assertTrue(header != null, "no Surrogate-Key header");
        Set<String> actual = Set.of(header.split(" "));
        for (String e : expected) {
            assertTrue(actual.contains(e), () -> e + " missing from " + actual);
        }
    }
}
