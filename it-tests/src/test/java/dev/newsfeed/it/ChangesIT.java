package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The changes feed reports publishing, editing, re-dating, deleting, going live and comment counts. */
class ChangesIT {

    private static SlingInstance sling;
    private static String site;
    /** Entries already in the feed when a token was taken, per token. */
    private static final Map<String, List<String>> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "changes");
    }

    @Test
    void reportsAPublishAnEditARedateAndADelete() {
        String token = token();
        assertEquals(0, json(sling.get(site + ".changes.json")).path("changes").size());
        String path = json(sling.postJsonAsAuthor(
                        site + ".articles.json", Map.of("title", "Changing", "published", "2022-09-09T10:00")))
                .path("path")
                .asText();
        String id = json(sling.get(path + ".json")).path("id").asText();
        sling.postJsonAsAuthor(path + ".update.json", Map.of("lead", "Edited lead"));
        String moved = json(sling.postJsonAsAuthor(path + ".update.json", Map.of("published", "2022-10-10T10:00")))
                .path("path")
                .asText();
        assertEquals(
                204,
                sling.postAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, moved + ".delete.json", Map.of())
                        .statusCode());
        Eventually.within(Duration.ofSeconds(15), () -> {
            List<JsonNode> changes = changes(token, id);
            assertEquals(List.of("created", "updated", "updated", "deleted"), types(changes));
            assertEquals(sling.baseUrl() + path, changes.get(0).path("url").asText());
            assertEquals(moved, changes.get(2).path("path").asText());
            assertEquals(moved, changes.get(3).path("path").asText(), "a tombstone keeps the last address");
        });
        JsonNode page = json(sling.get(site + ".changes.json?since=" + token));
        OpenApi.assertValid("ChangesPage", page);
    }

    @Test
    void reportsChangesMadeThroughSlingsPostServlet() {
        String token = token();
        String path = site + "/articles/2022/11/11/direct";
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
                                        "Direct",
                                        "published",
                                        "2022-11-11T10:00:00.000+04:00",
                                        "published@TypeHint",
                                        "Date"))
                        .statusCode());
        // the article's id is final once the archive has filed it (mix:referenceable); wait for its "created"
        String[] id = new String[1];
        Eventually.within(Duration.ofSeconds(15), () -> {
            id[0] = json(sling.get(path + ".json")).path("id").asText();
            assertEquals(List.of("created"), types(changes(token, id[0])));
        });
        assertEquals(
                200, sling.postAsAdmin(path, Map.of(":operation", "delete")).statusCode());
        Eventually.within(
                Duration.ofSeconds(15),
                () -> assertEquals(List.of("created", "deleted"), types(changes(token, id[0]))));
    }

    @Test
    void reportsAScheduledArticleWhenItGoesLive() {
        String token = token();
        OffsetDateTime soon =
                Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(4));
        String path = json(sling.postJsonAsAuthor(
                        site + ".articles.json", Map.of("title", "Goes live", "published", soon.toString())))
                .path("path")
                .asText();
        String id = json(sling.getAsAdmin(path + ".json")).path("id").asText();
        assertEquals(List.of(), changes(token, id), "nothing to report before it is live");
        Eventually.within(Duration.ofSeconds(45), () -> assertEquals(List.of("created"), types(changes(token, id))));
    }

    @Test
    void reportsCommentCounts() throws InterruptedException {
        String path = json(sling.postJsonAsAuthor(
                        site + ".articles.json", Map.of("title", "Commented", "published", "2022-12-12T10:00")))
                .path("path")
                .asText();
        String id = json(sling.get(path + ".json")).path("id").asText();
        sling.configure(
                CommentsIT.PID, Map.of("min.fill.seconds", "0", "client.burst", "1000", "client.per.minute", "1000"));
        String token = token();
        String comment = json(CommentsIT.submit(
                        path,
                        Map.of(
                                "author",
                                "C",
                                "email",
                                "c@example.am",
                                "text",
                                "Counted " + java.util.UUID.randomUUID(),
                                "token",
                                CommentsIT.token(path))))
                .path("id")
                .asText();
        CommentsIT.moderate(site, comment, "approve");
        Eventually.within(Duration.ofSeconds(15), () -> {
            List<JsonNode> changes = changes(token, id);
            assertEquals(List.of("comments"), types(changes));
            assertEquals(1, changes.get(0).path("comments").asInt());
        });
    }

    @Test
    void refusesForgedAndExpiredTokens() {
        assertProblem(sling.get(site + ".changes.json?since=forged"), 400);
        assertProblem(
                sling.get(site + ".changes.json?since=" + token(Instant.now().minus(Duration.ofDays(400)))), 410);
        assertProblem(sling.get(site + ".changes.json?limit=0"), 400);
    }

    /** A token for now, remembering the entries the feed already repeats for it. */
    private static String token() {
        String token = json(sling.get(site + ".changes.json")).path("next").asText();
        List<String> seen = new ArrayList<>();
        all(token).forEach(c -> seen.add(c.path("entry").asText()));
        SEEN.put(token, seen);
        return token;
    }

    /** A well-formed token for a moment long gone (the format is not secret, only checked). */
    private static String token(Instant at) {
        String entry = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmssSSS")
                        .withZone(ZoneOffset.UTC)
                        .format(at) + "-00000000";
        String text = "1." + entry;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("newsfeed-changes:" + text).getBytes(StandardCharsets.US_ASCII));
            String check = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 8);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((text + "." + check).getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> all(String token) {
        List<JsonNode> all = new ArrayList<>();
        json(sling.get(site + ".changes.json?limit=1000&since=" + token))
                .path("changes")
                .forEach(all::add);
        return all;
    }

    /**
     * The changes of one article after a token. The feed repeats the entries of the seconds before a token (at least
     * once); a client skips the entries it has seen, as this does with those already there when the token was taken.
     */
    private static List<JsonNode> changes(String token, String id) {
        List<JsonNode> changes = new ArrayList<>();
        List<String> entries = new ArrayList<>(SEEN.computeIfAbsent(token, t -> {
            List<String> seen = new ArrayList<>();
            all(t).forEach(c -> seen.add(c.path("entry").asText()));
            return seen;
        }));
        for (JsonNode c : all(token)) {
            if (c.path("id").asText().equals(id)
                    && !entries.contains(c.path("entry").asText())) {
                entries.add(c.path("entry").asText());
                changes.add(c);
            }
        }
        return changes;
    }

    private static List<String> types(List<JsonNode> changes) {
        List<String> types = new ArrayList<>();
        changes.forEach(c -> types.add(c.path("type").asText()));
        return types;
    }
}
