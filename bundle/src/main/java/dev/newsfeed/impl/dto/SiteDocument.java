package dev.newsfeed.impl.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The site document of {@code GET {site}.json}. */
@JsonPropertyOrder({"path", "url", "title", "timeZone", "locale", "firstDayOfWeek", "reusePolicy", "comments", "links"})
public record SiteDocument(
        String path,
        String url,
        String title,
        String timeZone,
        String locale,
        String firstDayOfWeek,
        String reusePolicy,
        CommentPolicy comments,
        Links links) {

    /** How comments are handled on the site: {@code openDays} 0 means they never close. */
    public record CommentPolicy(long openDays, String moderation) {}

    public record Links(String feed, String calendar, String archive) {}
}
