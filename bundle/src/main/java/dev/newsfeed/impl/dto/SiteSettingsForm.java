package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The settings of a site as a settings form shows them ({@code GET {site}.settings.json}): {@code firstDayOfWeek} is
 * the stored value (null: the locale's, which {@code weekStartsOn} gives), {@code editable} whether the caller may
 * change them, {@code timeZones} the IANA ids the server accepts.
 */
@JsonPropertyOrder({
    "path",
    "title",
    "timeZone",
    "locale",
    "firstDayOfWeek",
    "weekStartsOn",
    "reusePolicy",
    "commentsOpenDays",
    "moderation",
    "editable",
    "timeZones",
    "moderationValues"
})
public record SiteSettingsForm(
        String path,
        String title,
        String timeZone,
        String locale,
        String firstDayOfWeek,
        String weekStartsOn,
        String reusePolicy,
        long commentsOpenDays,
        String moderation,
        boolean editable,
        List<String> timeZones,
        List<String> moderationValues) {}
