package dev.newsfeed.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.dto.ArticleDocument;
import dev.newsfeed.impl.dto.SearchPage;
import dev.newsfeed.impl.http.Json;
import org.junit.jupiter.api.Test;

class SearchReaderTest {

    @Test
    void theStatementEscapesItsValuesAndAsksForTheSearchIndex() {
        SearchTerms terms = SearchTerms.parse("don't \"state of\"").terms();
        String statement =
                SearchReader.statement("/content/newsfeed/o'day", terms, Instant.parse("2022-01-10T10:40:00Z"));
        assertEquals(
                "SELECT [jcr:path], [jcr:score] FROM [nt:unstructured] AS a"
                        + " WHERE ISDESCENDANTNODE(a, '/content/newsfeed/o''day/articles')"
                        + " AND a.[sling:resourceType] = 'newsfeed/article'"
                        + " AND a.[published] <= CAST('2022-01-10T10:40:00.000Z' AS DATE)"
                        + " AND CONTAINS(a.*, '\"don''t\" \"state of\"')"
                        + " ORDER BY [jcr:score] DESC OPTION(INDEX TAG newsfeedSearch)",
                statement);
    }

    @Test
    void knowsAPlanOfTheSearchIndexFromATraversal() {
        assertTrue(SearchReader.usesIndex(
                "[nt:unstructured] as [a] /* lucene:newsfeedSearch-custom-1(/oak:index/newsfeedSearch-custom-1) ..."));
        assertTrue(SearchReader.usesIndex("/* lucene:newsfeedSearch-custom-2(/oak:index/newsfeedSearch-custom-2) */"));
        assertFalse(SearchReader.usesIndex("[nt:unstructured] as [a] /* traverse \"/content/newsfeed//*\" */"));
        assertFalse(
                SearchReader.usesIndex("/* lucene:newsfeedArticles-custom-1(/oak:index/newsfeedArticles-custom-1) */"));
    }

    @Test
    void anItemIsTheFeedsListItemWithASnippet() throws Exception {
        ArticleDocument article = new ArticleDocument(
                "id-1",
                "/content/newsfeed/day/articles/2022/01/10/a",
                "https://news.example/content/newsfeed/day/articles/2022/01/10/a",
                "Title",
                "Lead",
                null,
                "Author",
                "2022-01-10T14:40:00+04:00",
                "2022-01-10T14:40:00+04:00",
                List.of("politics"),
                new ArticleDocument.Reuse("Quote.", "https://news.example/a"),
                new ArticleDocument.Comments(2, true, "https://news.example/a.comments.json"),
                null);
        SearchPage page = new SearchPage("x", List.of(new SearchPage.Item(article, "<mark>x</mark>")), null);
        JsonNode json = Json.MAPPER.readTree(Json.bytes(page));
        assertEquals(List.of("query", "items", "next"), fields(json));
        JsonNode item = json.path("items").get(0);
        assertEquals("id-1", item.path("id").asText());
        assertEquals(2, item.at("/comments/count").asInt());
        assertEquals("<mark>x</mark>", item.path("snippet").asText());
        assertFalse(item.has("body"));
        assertFalse(item.has("article"));
        assertEquals("snippet", fields(item).get(fields(item).size() - 1));
        assertTrue(json.path("next").isNull());
        assertTrue(
                new String(Json.bytes(page), java.nio.charset.StandardCharsets.UTF_8).contains("\\u003Cmark\\u003E"));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
