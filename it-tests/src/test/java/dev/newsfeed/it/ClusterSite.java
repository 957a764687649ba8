package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test site of the cluster ITs and what its users do there, on whichever node they are sent to: the sample users
 * author:author and moderator:moderator that {@code ./newsfeed start --cluster} creates.
 */
final class ClusterSite {

    /** What a node or the cache may take to show another node's write (stated in docs/operations.md). */
    static final Duration VISIBLE = Duration.ofSeconds(10);

    final String path;
    final String name;

    private ClusterSite(String path) {
        this.path = path;
        this.name = path.substring(path.lastIndexOf('/') + 1);
    }

    /** A fresh site, written on node 1, once both nodes serve it. */
    static ClusterSite create(LocalCluster cluster, String prefix) {
        ClusterSite site = new ClusterSite(TestSites.create(cluster.node(1), prefix));
        for (int n = 1; n <= 2; n++) {
            SlingInstance node = cluster.node(n);
            Eventually.within(
                    VISIBLE,
                    () -> assertEquals(200, node.get(site.path + ".json").statusCode()));
        }
        return site;
    }

    /** A published (or, with a future time, scheduled) article, created by the author on {@code node}; its path. */
    String article(SlingInstance node, String title, String published) {
        HttpResponse<String> r = node.postJsonAs(
                "author", "author", path + ".articles.json", Map.of("title", title, "published", published));
        assertEquals(201, r.statusCode(), r.body());
        return json(r).path("path").asText();
    }

    /**
     * Changes the fields of an article; its (maybe new) path. Written on the node that took the previous write, or
     * once the other node sees it (an author there gets a 404 until then, like a reader).
     */
    static String update(SlingInstance node, String article, Map<String, Object> fields) {
        sees(node, article);
        HttpResponse<String> r = node.postJsonAs("author", "author", article + ".update.json", fields);
        assertEquals(200, r.statusCode(), r.body());
        return json(r).path("path").asText();
    }

    static void delete(SlingInstance node, String article) {
        sees(node, article);
        HttpResponse<String> r = node.postAs("author", "author", article + ".delete.json", Map.of());
        assertEquals(204, r.statusCode(), r.body());
    }

    /** Waits until {@code node} has an article (published or not), as its author sees it. */
    static void sees(SlingInstance node, String article) {
        Eventually.within(
                VISIBLE,
                () -> assertEquals(
                        200,
                        node.getAs("author", "author", article + ".edit.json").statusCode()));
    }

    /** A reader's comment with a fresh form token from the same node. */
    static HttpResponse<String> comment(SlingInstance node, String article, String author, String text) {
        HttpResponse<String> form = node.get(article + ".comment-form.json");
        assertEquals(200, form.statusCode(), form.body());
        return node.post(
                article + ".comments.json",
                Map.of(
                        "author",
                        author,
                        "email",
                        author.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@example.am",
                        "text",
                        text,
                        "token",
                        json(form).path("token").asText()));
    }

    HttpResponse<String> moderate(SlingInstance node, String id, String action) {
        return node.postAs("moderator", "moderator", path + ".moderation.json", Map.of("id", id, "action", action));
    }

    /** The changes feed's token for now. */
    String changesToken(SlingInstance node) {
        return json(node.get(path + ".changes.json")).path("next").asText();
    }

    /** Every change since a token. */
    List<JsonNode> changesSince(SlingInstance node, String token) {
        HttpResponse<String> r = node.get(path + ".changes.json?limit=1000&since=" + token);
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> changes = new ArrayList<>();
        json(r).path("changes").forEach(changes::add);
        return changes;
    }

    /** The ids a day listing shows ({@code yyyy/MM/dd}). */
    List<String> day(SlingInstance node, String day) {
        HttpResponse<String> r = node.get(path + "/articles/" + day + ".json?limit=100");
        assertEquals(200, r.statusCode(), r.body());
        return ids(json(r).path("items"));
    }

    /** The ids of the whole feed, page by page. */
    List<String> feed(SlingInstance node) {
        List<String> ids = new ArrayList<>();
        String next = path + ".feed.json?limit=100";
        while (next != null) {
            HttpResponse<String> page = node.get(SlingInstance.local(next));
            assertEquals(200, page.statusCode(), page.body());
            ids.addAll(ids(json(page).path("items")));
            JsonNode link = json(page).path("next");
            next = link.isTextual() ? link.asText() : null;
        }
        return ids;
    }

    /** A month's calendar: the count of each day with articles, {@code {"2022-01-10": 1, ...}}. */
    Map<String, Long> calendar(SlingInstance node, String month) {
        HttpResponse<String> r = node.get(path + ".calendar." + month + ".json");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Long> days = new java.util.TreeMap<>();
        json(r).path("days")
                .forEach(d -> days.put(d.path("date").asText(), d.path("count").asLong()));
        return days;
    }

    static String id(SlingInstance node, String article) {
        HttpResponse<String> r = node.get(article + ".json");
        assertEquals(200, r.statusCode(), r.body());
        return json(r).path("id").asText();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
