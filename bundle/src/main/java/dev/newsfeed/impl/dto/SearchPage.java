package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A page of search results, best first: the query as understood, the items (list items of the feed with a
 * {@code snippet}), and {@code next}, the URL of the following page, or null.
 */
@JsonPropertyOrder({"query", "items", "next"})
public record SearchPage(String query, List<Item> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {

    /** A feed list item and its snippet: text, HTML-escaped, with the matched words in {@code <mark>}. */
    public record Item(@JsonUnwrapped ArticleDocument article, String snippet) {}
}
