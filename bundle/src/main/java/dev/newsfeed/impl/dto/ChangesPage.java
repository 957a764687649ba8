package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code GET {site}.changes.json}: changes in log order and the token to ask for what comes after. */
@JsonPropertyOrder({"changes", "next", "more"})
public record ChangesPage(List<Item> changes, String next, boolean more) {

    @JsonPropertyOrder({"entry", "type", "id", "path", "url", "comments", "at"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String entry, String type, String id, String path, String url, Long comments, String at) {}
}
