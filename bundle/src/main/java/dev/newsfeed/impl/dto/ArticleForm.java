package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An article as an editor shows it ({@code GET {article}.edit.json}): the stored fields, the publish date also as the
 * site's local date and time ({@code publishedLocal}, the value of an HTML {@code datetime-local} input), and where
 * to send changes.
 */
@JsonPropertyOrder({
    "id",
    "path",
    "status",
    "title",
    "lead",
    "body",
    "author",
    "published",
    "publishedLocal",
    "timeZone",
    "tags",
    "commentsOpen",
    "modified",
    "links"
})
public record ArticleForm(
        String id,
        String path,
        String status,
        String title,
        String lead,
        String body,
        String author,
        String published,
        String publishedLocal,
        String timeZone,
        List<String> tags,
        boolean commentsOpen,
        String modified,
        Links links) {

    public record Links(String document, String update, String delete) {}
}
