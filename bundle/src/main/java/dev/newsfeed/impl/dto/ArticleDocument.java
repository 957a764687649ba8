package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The article document of API.md; listings carry it without {@code body}. */
@JsonPropertyOrder({
    "id",
    "path",
    "url",
    "title",
    "lead",
    "body",
    "author",
    "published",
    "modified",
    "tags",
    "reuse",
    "comments",
    "archive"
})
public record ArticleDocument(
        String id,
        String path,
        String url,
        String title,
        String lead,
        @JsonInclude(JsonInclude.Include.NON_NULL) String body,
        String author,
        String published,
        String modified,
        List<String> tags,
        Reuse reuse,
        Comments comments,
        Archive archive) {

    public record Reuse(String policy, String attributionUrl) {}

    public record Comments(long count, boolean open, String href) {}

    public record Archive(String year, String month, String day) {}
}
