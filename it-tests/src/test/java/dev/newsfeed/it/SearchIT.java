package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search: words from the body (text, not markup), phrases, tags, title matches first, cursor paging, never a
 * draft, a scheduled article or another site's, bad queries refused, the Lucene index's plan, the feed's caching.
 */
class SearchIT {

    private static final Duration INDEXED = Duration.ofSeconds(90);

    private static SlingInstance sling;
    private static String site;
    private static String titleMatch;
    private static String bodyMatch;

    @BeforeAll
    static void articles() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "search");
        String other = TestSites.create(sling, "search-other");
        bodyMatch =
                create(site, "Weather on the coast", "<p>A quokka was seen near the harbour.</p>", "2022-02-02T10:00");
        titleMatch =
                create(site, "Quokka harbour reopens", "<p>Boats are back in the harbour.</p>", "2022-02-01T10:00");
        create(
                site,
                "A quiet evening",
                "<p>The <b>silver</b> lining of the storm.</p><blockquote><p>Quoted</p></blockquote>"
                        + "<p><a href=\"https://x.example/\">link</a></p>",
                "2022-02-03T10:00");
        article(
                site,
                Map.of(
                        "title",
                        "Tagged only",
                        "body",
                        "<p>Nothing here.</p>",
                        "tags",
                        List.of("marsupialia"),
                        "published",
                        "2022-02-04T10:00"));
        create(
                site,
                "Արցախի նախագահը Ղազախստանի մասին",
                "<p>Нагорный Карабах: заявление президента.</p>",
                "2022-02-05T10:00");
        article(site, Map.of("title", "Quokka draft", "body", "<p>quokka</p>"));
        create(site, "Quokka scheduled", "<p>quokka</p>", "2099-01-01T10:00");
        create(other, "Quokka elsewhere", "<p>quokka</p>", "2022-02-01T10:00");
        for (char c = 'A'; c <= 'L'; c++) {
            create(site, "Paging story " + c, "<p>pagingword</p>", "2022-03-01T10:" + (10 + c - 'A'));
        }
        // the index is asynchronous (near real time): wait until the last article is found
        Eventually.within(
                INDEXED, () -> assertEquals(12, items("pagingword", 50).size()));
        Eventually.within(INDEXED, () -> assertEquals(2, items("quokka", 50).size()));
    }

    @Test
    void findsAWordOfTheBodyAndMarksIt() {
        List<JsonNode> found = items("seen", 10);
        assertEquals(1, found.size());
        assertEquals(bodyMatch, found.get(0).path("path").asText());
        assertEquals(
                "A quokka was <mark>seen</mark> near the harbour.",
                found.get(0).path("snippet").asText());
        // the feed's list item: no body, comment count, links
        assertTrue(found.get(0).path("body").isMissingNode());
        assertEquals(0, found.get(0).at("/comments/count").asInt());
        assertTrue(found.get(0).at("/archive/day").asText().endsWith("/2022/02/02.json"));
    }

    @Test
    void findsTextNotMarkup() {
        assertEquals(1, items("storm", 10).size());
        assertEquals(0, items("blockquote", 10).size());
        assertEquals(0, items("href", 10).size());
        assertEquals(0, items("https", 10).size());
    }

    @Test
    void findsAPhraseOnlyInItsOrder() {
        List<JsonNode> found = items("\"silver lining\"", 10);
        assertEquals(1, found.size());
        assertEquals(
                "The <mark>silver lining</mark> of the storm. Quoted link",
                found.get(0).path("snippet").asText());
        assertEquals(0, items("\"lining silver\"", 10).size());
        // every word must match
        assertEquals(0, items("silver quokka", 10).size());
    }

    @Test
    void findsATag() {
        List<JsonNode> found = items("marsupialia", 10);
        assertEquals(1, found.size());
        assertEquals("Tagged only", found.get(0).path("title").asText());
        assertEquals("Nothing here.", found.get(0).path("snippet").asText());
    }

    @Test
    void findsArmenianAndCyrillicWordsSentAsUtf8() {
        HttpResponse<String> answer = sling.get(search("Ղազախստանի", 10));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Ղազախստանի", json(answer).path("query").asText());
        assertEquals(
                "Արցախի նախագահը <mark>Ղազախստանի</mark> մասին",
                json(answer).at("/items/0/snippet").asText());
        List<JsonNode> found = items("\"нагорный карабах\" Президента", 10);
        assertEquals(1, found.size());
        assertEquals(
                "<mark>Нагорный Карабах</mark>: заявление <mark>президента</mark>.",
                found.get(0).path("snippet").asText());
        assertEquals(0, items("\"Карабах Нагорный\"", 10).size());
    }

    @Test
    void aTitleMatchRanksFirst() {
        List<JsonNode> found = items("quokka", 10);
        assertEquals(List.of(titleMatch, bodyMatch), paths(found), "the title match first, though older");
        assertTrue(
                found.get(0).path("snippet").asText().contains("<mark>Quokka</mark>"),
                found.get(0).toString());
    }

    @Test
    void neverFindsDraftsScheduledArticlesOrOtherSites() {
        for (HttpResponse<String> answer : List.of(
                sling.get(search("quokka", 50)),
                sling.getAsAdmin(search("quokka", 50)),
                sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, search("quokka", 50)))) {
            assertEquals(200, answer.statusCode(), answer.body());
            List<String> titles = new ArrayList<>();
            json(answer).path("items").forEach(i -> titles.add(i.path("title").asText()));
            assertEquals(List.of("Quokka harbour reopens", "Weather on the coast"), titles);
        }
        assertEquals(0, items("scheduled", 10).size());
        assertEquals(0, items("elsewhere", 10).size());
        assertEquals(0, items("draft", 10).size());
    }

    @Test
    void pagesWithACursorThroughEveryResultOnceNewestFirstAmongEquals() {
        // equal texts do not always score equally: Oak's near-real-time index scores the newest articles against
        // itself (docs/api.md, Ranking). The order checked is the one of the scores this instance reports for the
        // query (administrators' explain): score, then newer first among equals; retried while scores move.
        List<String> cursors = new ArrayList<>();
        Eventually.within(INDEXED, () -> {
            cursors.clear();
            Map<String, String> titleOf = new LinkedHashMap<>();
            List<String> paged = new ArrayList<>();
            String next = search("pagingword", 5);
            while (next != null) {
                HttpResponse<String> page = sling.get(next.replace(sling.baseUrl(), ""));
                assertEquals(200, page.statusCode(), page.body());
                for (JsonNode item : json(page).path("items")) {
                    paged.add(item.path("path").asText());
                    titleOf.put(item.path("path").asText(), item.path("title").asText());
                }
                next = json(page).path("next").isNull()
                        ? null
                        : json(page).path("next").asText();
                if (next != null) {
                    cursors.add(next.substring(next.indexOf("cursor=") + 7));
                }
            }
            assertEquals(2, cursors.size(), "three pages of 5, 5 and 2");
            assertEquals(12, paged.size());
            assertEquals(12, titleOf.size(), "every result once: " + paged);
            List<JsonNode> hits = new ArrayList<>();
            json(sling.getAsAdmin(search("pagingword", 50).replace(".search.json", ".search.explain.json")))
                    .path("hits")
                    .forEach(hits::add);
            List<String> expected = hits.stream()
                    .sorted(Comparator.comparingDouble(
                                    (JsonNode h) -> -h.path("score").asDouble())
                            .thenComparing(
                                    h -> titleOf.getOrDefault(h.path("path").asText(), ""), Comparator.reverseOrder()))
                    .map(h -> h.path("path").asText())
                    .toList();
            assertEquals(expected, paged, "by score, newer first among equals (\"Paging story L\" is the newest)");
        });
        // a cursor belongs to its query
        JsonNode problem = assertProblem(sling.get(search("quokka", 5) + "&cursor=" + cursors.get(0)), 400);
        assertEquals("cursor", problem.at("/errors/0/field").asText());
    }

    @Test
    void explainsThePlanOfTheLuceneIndexToAdministrators() {
        JsonNode explain = json(sling.getAsAdmin(site + ".search.explain.json?q=quokka"));
        String plan = explain.path("plan").asText();
        assertTrue(plan.contains("lucene:newsfeedSearch-custom-1"), plan);
        assertFalse(plan.contains("traverse"), plan);
        assertTrue(explain.path("statement").asText().contains("OPTION(INDEX TAG newsfeedSearch)"));
        assertEquals(2, explain.path("hits").size());
        assertTrue(
                explain.at("/hits/0/score").asDouble()
                        > explain.at("/hits/1/score").asDouble(),
                explain.toString());
        assertProblem(sling.get(site + ".search.explain.json?q=quokka"), 401);
    }

    @Test
    void cachesLikeTheFeed() {
        HttpResponse<String> first = sling.get(search("quokka", 10));
        assertTrue(
                header(first, "Cache-Control").matches("public, max-age=\\d+, s-maxage=\\d+.*"),
                header(first, "Cache-Control"));
        assertNotNull(header(first, "Last-Modified"));
        String keys = header(first, "Surrogate-Key");
        String name = site.substring(site.lastIndexOf('/') + 1);
        assertTrue(keys.contains("feed:" + name) && keys.contains("site:" + name), keys);
        for (JsonNode item : json(first).path("items")) {
            assertTrue(keys.contains("comments:" + item.path("id").asText()), keys);
        }
        assertEquals(
                304,
                sling.get(search("quokka", 10), "If-None-Match", header(first, "ETag"))
                        .statusCode());
        HttpResponse<String> head = sling.head(search("quokka", 10));
        assertEquals(200, head.statusCode());
        assertEquals(header(first, "ETag"), header(head, "ETag"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "q=",
                "q=%20%20",
                "q=title%3Aquokka",
                "q=quok*",
                "q=quokka~2",
                "q=quokka%5E4",
                "q=%28a+b%29",
                "q=a+OR+b",
                "q=a+-b",
                "q=%22unclosed",
                "q=a%5Cb",
                "q=%3Cb%3Ex%3C%2Fb%3E"
            })
    void refusesBadQueriesAsInvalidQuery(String query) {
        JsonNode problem = assertProblem(sling.get(site + ".search.json?" + query), 400);
        assertEquals(
                "urn:dev.newsfeed:problem:invalid-query", problem.path("type").asText());
        assertEquals("q", problem.at("/errors/0/field").asText());
    }

    @Test
    void refusesOverlongQueries() {
        assertEquals(200, sling.get(search("a".repeat(200), 10)).statusCode());
        for (String q : List.of("a".repeat(201), "quokka ".repeat(1463))) {
            JsonNode problem = assertProblem(sling.get(search(q, 10)), 400);
            assertEquals(
                    "urn:dev.newsfeed:problem:invalid-query",
                    problem.path("type").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=51", "limit=x", "cursor=forged", "cursor=MS4xLjI"})
    void refusesBadPagingAsInvalidRequest(String query) {
        JsonNode problem = assertProblem(sling.get(site + ".search.json?q=quokka&" + query), 400);
        assertEquals(
                "urn:dev.newsfeed:problem:invalid-request", problem.path("type").asText());
    }

    private static String search(String q, int limit) {
        return site + ".search.json?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=" + limit;
    }

    private static List<JsonNode> items(String q, int limit) {
        HttpResponse<String> answer = sling.get(search(q, limit));
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonNode> items = new ArrayList<>();
        json(answer).path("items").forEach(items::add);
        return items;
    }

    private static List<String> paths(List<JsonNode> items) {
        return items.stream().map(i -> i.path("path").asText()).toList();
    }

    private static String create(String site, String title, String body, String published) {
        return article(site, Map.of("title", title, "body", body, "published", published));
    }

    private static String article(String site, Map<String, Object> fields) {
        HttpResponse<String> created = sling.postJsonAsAuthor(site + ".articles.json", new LinkedHashMap<>(fields));
        assertEquals(201, created.statusCode(), created.body());
        return json(created).path("path").asText();
    }
}
