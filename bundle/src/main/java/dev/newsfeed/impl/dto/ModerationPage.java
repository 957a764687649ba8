package dev.newsfeed.impl.dto;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The moderation queue of one status with the counts of every status; for moderators only. */
@JsonPropertyOrder({"status", "counts", "items", "next"})
public record ModerationPage(
        String status,
        Map<String, Long> counts,
        List<Item> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) String next) {

    @JsonPropertyOrder({
        "id", "status", "article", "author", "email", "url", "text", "html", "parent", "created", "reason", "client"
    })
    public record Item(
            String id,
            String status,
            Article article,
            String author,
            String email,
            String url,
            String text,
            String html,
            String parent,
            String created,
            String reason,
            String client) {}

    public record Article(String id, String path, String title, String href) {}
}
