package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An approved comment in a listing, with its approved replies nested. */
@JsonPropertyOrder({"id", "author", "url", "published", "text", "replies"})
public record CommentDocument(
        String id, String author, String url, String published, String text, List<CommentDocument> replies) {}
