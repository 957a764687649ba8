package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A page of a list of articles, newest first: {@code next} is the URL of the following page, or null. */
@JsonPropertyOrder({"items", "next"})
public record ArticlePage(List<ArticleDocument> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}
