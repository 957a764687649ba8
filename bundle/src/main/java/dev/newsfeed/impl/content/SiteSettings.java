package dev.newsfeed.impl.content;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.WeekFields;
import java.util.Calendar;
import java.util.Locale;
import java.util.Optional;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of one site, read from its node. Content errors (an unknown zone id, a bad day name)
 * fall back to the documented defaults and are logged: a reader's request never fails because of them.
 */
public record SiteSettings(
        String path,
        String title,
        ZoneId zone,
        Locale locale,
        DayOfWeek firstDayOfWeek,
        String reusePolicy,
        long commentsOpenDays,
        String moderation,
        @Nullable Instant modified) {

    private static final Logger log = LoggerFactory.getLogger(SiteSettings.class);

    public static final String DEFAULT_MODERATION = "pre";

    public static @NotNull SiteSettings from(@NotNull Resource site) {
        ValueMap props = site.getValueMap();
        String path = site.getPath();
        ZoneId zone = zone(path, props.get(PN_TIME_ZONE, String.class));
        Locale locale = locale(props.get(PN_LOCALE, String.class));
        DayOfWeek firstDay = firstDayOfWeek(path, props.get(PN_FIRST_DAY_OF_WEEK, String.class), locale);
        Calendar modified = props.get(PN_LAST_MODIFIED, Calendar.class);
        if (modified == null) {
            modified = props.get(PN_CREATED, Calendar.class);
        }
        return new SiteSettings(
                path,
                props.get(PN_TITLE, site.getName()),
                zone,
                locale,
                firstDay,
                props.get(PN_REUSE_POLICY, String.class),
                Math.max(0L, props.get(PN_COMMENTS_OPEN_DAYS, 0L)),
                props.get(PN_MODERATION, DEFAULT_MODERATION),
                modified == null ? null : modified.toInstant());
    }

    /** The site a resource belongs to: the resource itself or its nearest ancestor of type {@code newsfeed/site}. */
    public static Optional<Resource> siteOf(@Nullable Resource resource) {
        for (Resource r = resource; r != null; r = r.getParent()) {
            String type = r.getResourceType();
            if (RT_SITE.equals(type)) {
                return Optional.of(r);
            }
            // our own types are never sites: skip isResourceType's super-type lookup (46% of an article request)
            if (RT_ARTICLE.equals(type) || RT_ARCHIVE.equals(type) || RT_COMMENT.equals(type)) {
                continue;
            }
            if (r.isResourceType(RT_SITE)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Path of the archive root ({@code {site}/articles}). */
    public String archivePath() {
        return path + "/" + NN_ARTICLES;
    }

    static ZoneId zone(String path, @Nullable String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            log.warn("Site {} has an unknown timeZone '{}', using UTC", path, Log.escape(id));
            return ZoneOffset.UTC;
        }
    }

    static Locale locale(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        return Locale.forLanguageTag(tag.trim().replace('_', '-'));
    }

    static DayOfWeek firstDayOfWeek(String path, @Nullable String name, Locale locale) {
        if (name != null && !name.isBlank()) {
            try {
                return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                log.warn("Site {} has an unknown firstDayOfWeek '{}', using the locale's", path, Log.escape(name));
            }
        }
        // a bare language ("en", "hy") has no region, and the week start is a regional convention:
        // fall back to the region most associated with the language where Java knows one
        Locale withRegion = locale.getCountry().isEmpty() ? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultRegion(locale)) : locale;
        return WeekFields.of(withRegion).getFirstDayOfWeek();
    }

    private static String defaultRegion(Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> "US";
            case "hy" -> "AM";
            case "ru" -> "RU";
            case "de" -> "DE";
            case "fr" -> "FR";
            case "ka" -> "GE";
            case "ar" -> "EG";
            case "fa" -> "IR";
            case "he" -> "IL";
            case "ja" -> "JP";
            case "zh" -> "CN";
            case "pt" -> "BR";
            case "es" -> "ES";
            default -> "001";
        };
    }
}
