package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code GET {article}.comments.json}: the approved count, whether comments are open, a page of threads (newest
 * first) and what a client needs to submit a comment.
 */
@JsonPropertyOrder({"count", "open", "items", "next", "form"})
public record CommentsPage(
        long count,
        boolean open,
        List<CommentDocument> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) String next,
        @JsonInclude(JsonInclude.Include.NON_NULL) Form form) {

    /** Where and how to submit: the form token, the honeypot field to leave empty, the minimum fill time. */
    @JsonPropertyOrder({"action", "token", "honeypot", "minFillSeconds", "maxLength"})
    public record Form(String action, String token, String honeypot, int minFillSeconds, int maxLength) {}
}
