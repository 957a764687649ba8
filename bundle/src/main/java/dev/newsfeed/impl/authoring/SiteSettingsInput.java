package dev.newsfeed.impl.authoring;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.FormFields;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.Resource;
import org.jetbrains.annotations.Nullable;

/**
 * The settings of a site as an administrator sends them, validated: each field present is written to the site node
 * (an empty {@code firstDayOfWeek} or {@code reusePolicy} removes the property: the locale's week start, no notice).
 *
 * @param properties property name of the site node to its new value; null removes it
 */
public record SiteSettingsInput(Map<String, Object> properties) {

    public static final String TITLE = "title";
    public static final String TIME_ZONE = "timeZone";
    public static final String LOCALE = "locale";
    public static final String FIRST_DAY_OF_WEEK = "firstDayOfWeek";
    public static final String REUSE_POLICY = "reusePolicy";
    public static final String COMMENTS_OPEN_DAYS = "commentsOpenDays";
    public static final String MODERATION = "moderation";

    static final Set<String> FIELDS =
            Set.of(TITLE, TIME_ZONE, LOCALE, FIRST_DAY_OF_WEEK, REUSE_POLICY, COMMENTS_OPEN_DAYS, MODERATION);
    static final int MAX_TITLE = 300;
    static final int MAX_REUSE_POLICY = 2_000;
    /** A hundred years: beyond, "never close" is meant, which is 0. */
    static final long MAX_COMMENTS_OPEN_DAYS = 36_500;

    public static final List<String> MODERATION_VALUES = List.of("pre", "auto");

    /** A parsed input or the errors that make the request a 400. */
    public record Parsed(@Nullable SiteSettingsInput input, List<Problem.FieldError> errors) {}

    /** The IANA time zone ids the settings accept, sorted. */
    public static List<String> timeZones() {
        return List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    }

    public static Parsed parse(Map<String, Object> values) {
        FormFields fields = new FormFields(values);
        Map<String, Object> properties = new LinkedHashMap<>();
        fields.known(FIELDS, "is not a setting of a site");
        if (fields.has(TITLE)) {
            title(fields, properties);
        }
        if (fields.has(TIME_ZONE)) {
            put(
                    properties,
                    PN_TIME_ZONE,
                    fields.oneOf(
                            TIME_ZONE, ZoneId.getAvailableZoneIds(), "must be an IANA time zone such as Asia/Yerevan"));
        }
        if (fields.has(LOCALE)) {
            locale(fields, properties);
        }
        if (fields.has(FIRST_DAY_OF_WEEK)) {
            firstDayOfWeek(fields, properties);
        }
        if (fields.has(REUSE_POLICY)) {
            reusePolicy(fields, properties);
        }
        if (fields.has(COMMENTS_OPEN_DAYS) || fields.has(MODERATION)) {
            comments(fields, properties);
        }
        if (!fields.valid()) {
            return new Parsed(null, fields.errors());
        }
        return new Parsed(new SiteSettingsInput(properties), List.of());
    }

    /** How long comments stay open and how they are moderated. */
    private static void comments(FormFields fields, Map<String, Object> properties) {
        if (fields.has(COMMENTS_OPEN_DAYS)) {
            Long days = fields.wholeNumber(COMMENTS_OPEN_DAYS, MAX_COMMENTS_OPEN_DAYS);
            if (days == null) {
                fields.error(
                        COMMENTS_OPEN_DAYS, "must be a whole number from 0 (never close) to " + MAX_COMMENTS_OPEN_DAYS);
            }
            put(properties, PN_COMMENTS_OPEN_DAYS, days);
        }
        if (fields.has(MODERATION)) {
            put(
                    properties,
                    PN_MODERATION,
                    fields.oneOf(
                            MODERATION,
                            MODERATION_VALUES,
                            "must be pre (a moderator approves each comment) or auto (approved unless held)"));
        }
    }

    private static void put(Map<String, Object> properties, String property, @Nullable Object value) {
        if (value != null) {
            properties.put(property, value);
        }
    }

    private static void title(FormFields fields, Map<String, Object> properties) {
        String title = fields.string(TITLE);
        if (title == null) {
            return;
        }
        if (title.isEmpty()) {
            fields.error(TITLE, "must not be empty");
        } else if (FormFields.length(title) > MAX_TITLE || FormFields.hasControl(title, false)) {
            fields.error(TITLE, "must be at most " + MAX_TITLE + " characters without control characters");
        } else {
            properties.put(PN_TITLE, title);
        }
    }

    private static void locale(FormFields fields, Map<String, Object> properties) {
        String tag = fields.string(LOCALE);
        if (tag == null) {
            return;
        }
        String locale = locale(tag);
        if (locale == null) {
            fields.error(LOCALE, "must be a language tag such as en, hy or en-GB");
        } else {
            properties.put(PN_LOCALE, locale);
        }
    }

    /** Empty removes the property: the locale's first day of the week. */
    private static void firstDayOfWeek(FormFields fields, Map<String, Object> properties) {
        String day = fields.string(FIRST_DAY_OF_WEEK);
        if (day == null) {
            return;
        }
        if (day.isEmpty()) {
            properties.put(PN_FIRST_DAY_OF_WEEK, null);
            return;
        }
        try {
            properties.put(
                    PN_FIRST_DAY_OF_WEEK,
                    DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)).name());
        } catch (IllegalArgumentException e) {
            fields.error(FIRST_DAY_OF_WEEK, "must be MONDAY to SUNDAY, or empty for the locale's");
        }
    }

    /** Empty removes the property: no notice. */
    private static void reusePolicy(FormFields fields, Map<String, Object> properties) {
        String policy = fields.string(REUSE_POLICY);
        if (policy == null) {
            return;
        }
        if (FormFields.length(policy) > MAX_REUSE_POLICY || FormFields.hasControl(policy, true)) {
            fields.error(
                    REUSE_POLICY, "must be at most " + MAX_REUSE_POLICY + " characters without control characters");
        } else {
            properties.put(PN_REUSE_POLICY, policy.isEmpty() ? null : policy);
        }
    }

    /** Writes the settings into the site node. Does not commit. */
    public void apply(Resource site, String user, Instant now) {
        // a page site keeps its settings on jcr:content (docs/aem.md)
        ModifiableValueMap props = Objects.requireNonNull(
                ContentNodes.content(site).adaptTo(ModifiableValueMap.class), "a modifiable site");
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (e.getValue() == null) {
                props.remove(e.getKey());
            } else {
                props.put(e.getKey(), e.getValue());
            }
        }
        props.put(PN_LAST_MODIFIED, Dates.calendar(now));
        props.put("jcr:lastModifiedBy", user);
    }

    /** A well-formed BCP 47 tag with a language, in its canonical form; null otherwise. */
    static @Nullable String locale(String tag) {
        if (tag.isEmpty() || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale =
                    new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
