package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A page of the authors' list of a site's articles ({@code GET {site}.articles.json}); {@code months} are the months
 * with dated articles (published or scheduled), newest first, for a month filter.
 */
@JsonPropertyOrder({"items", "next", "months"})
public record AuthorArticlePage(
        List<Item> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next, List<String> months) {

    /** An article as authors list it: its status and stored flags, no body. */
    @JsonPropertyOrder({
        "id",
        "path",
        "href",
        "title",
        "lead",
        "author",
        "status",
        "published",
        "modified",
        "tags",
        "commentsOpen",
        "comments"
    })
    public record Item(
            String id,
            String path,
            String href,
            String title,
            String lead,
            String author,
            String status,
            String published,
            String modified,
            List<String> tags,
            boolean commentsOpen,
            long comments) {}
}
