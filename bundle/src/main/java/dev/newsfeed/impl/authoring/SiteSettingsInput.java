package dev.newsfeed.impl.authoring;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.dto.Problem;
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

    static final Set<String> FIELDS = Set.of(TITLE, TIME_ZONE, LOCALE, FIRST_DAY_OF_WEEK, REUSE_POLICY,
            COMMENTS_OPEN_DAYS, MODERATION);
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

    public static Parsed parse(Map<String, Object> fields) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a setting of a site"));
            }
        }
        if (fields.containsKey(TITLE)) {
            String title = text(fields.get(TITLE), TITLE, errors);
            if (title != null) {
                if (title.isEmpty()) {
                    errors.add(new Problem.FieldError(TITLE, "must not be empty"));
                } else if (title.codePointCount(0, title.length()) > MAX_TITLE || hasControl(title)) {
                    errors.add(new Problem.FieldError(TITLE, "must be at most " + MAX_TITLE
                            + " characters without control characters"));
                } else {
                    properties.put(PN_TITLE, title);
                }
            }
        }
        if (fields.containsKey(TIME_ZONE)) {
            String zone = text(fields.get(TIME_ZONE), TIME_ZONE, errors);
            if (zone != null) {
                if (ZoneId.getAvailableZoneIds().contains(zone)) {
                    properties.put(PN_TIME_ZONE, zone);
                } else {
                    errors.add(new Problem.FieldError(TIME_ZONE, "must be an IANA time zone such as Asia/Yerevan"));
                }
            }
        }
        if (fields.containsKey(LOCALE)) {
            String tag = text(fields.get(LOCALE), LOCALE, errors);
            if (tag != null) {
                String locale = locale(tag);
                if (locale == null) {
                    errors.add(new Problem.FieldError(LOCALE, "must be a language tag such as en, hy or en-GB"));
                } else {
                    properties.put(PN_LOCALE, locale);
                }
            }
        }
        if (fields.containsKey(FIRST_DAY_OF_WEEK)) {
            String day = text(fields.get(FIRST_DAY_OF_WEEK), FIRST_DAY_OF_WEEK, errors);
            if (day != null) {
                if (day.isEmpty()) {
                    properties.put(PN_FIRST_DAY_OF_WEEK, null);
                } else {
                    try {
                        properties.put(PN_FIRST_DAY_OF_WEEK, DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)).name());
                    } catch (IllegalArgumentException e) {
                        errors.add(new Problem.FieldError(FIRST_DAY_OF_WEEK,
                                "must be MONDAY to SUNDAY, or empty for the locale's"));
                    }
                }
            }
        }
        if (fields.containsKey(REUSE_POLICY)) {
            String policy = text(fields.get(REUSE_POLICY), REUSE_POLICY, errors);
            if (policy != null) {
                if (policy.codePointCount(0, policy.length()) > MAX_REUSE_POLICY
                        || policy.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                    errors.add(new Problem.FieldError(REUSE_POLICY, "must be at most " + MAX_REUSE_POLICY
                            + " characters without control characters"));
                } else {
                    properties.put(PN_REUSE_POLICY, policy.isEmpty() ? null : policy);
                }
            }
        }
        if (fields.containsKey(COMMENTS_OPEN_DAYS)) {
            Long days = days(fields.get(COMMENTS_OPEN_DAYS));
            if (days == null) {
                errors.add(new Problem.FieldError(COMMENTS_OPEN_DAYS, "must be a whole number from 0 (never close) to "
                        + MAX_COMMENTS_OPEN_DAYS));
            } else {
                properties.put(PN_COMMENTS_OPEN_DAYS, days);
            }
        }
        if (fields.containsKey(MODERATION)) {
            String moderation = text(fields.get(MODERATION), MODERATION, errors);
            if (moderation != null) {
                if (MODERATION_VALUES.contains(moderation)) {
                    properties.put(PN_MODERATION, moderation);
                } else {
                    errors.add(new Problem.FieldError(MODERATION, "must be pre (a moderator approves each comment)"
                            + " or auto (approved unless held)"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new SiteSettingsInput(properties), List.of());
    }

    /** Writes the settings into the site node. Does not commit. */
    public void apply(Resource site, String user, Instant now) {
        ModifiableValueMap props = Objects.requireNonNull(site.adaptTo(ModifiableValueMap.class), "a modifiable site");
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
            Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static @Nullable Long days(Object value) {
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        String text = value instanceof String s ? s.strip()
                : value instanceof com.fasterxml.jackson.databind.JsonNode n && n.isIntegralNumber() ? n.asText()
                : null;
        if (text == null || !text.matches("\\d{1,6}")) {
            return null;
        }
        long days = Long.parseLong(text);
        return days <= MAX_COMMENTS_OPEN_DAYS ? days : null;
    }

    private static @Nullable String text(Object value, String name, List<Problem.FieldError> errors) {
        if (value instanceof List<?> list) {
            if (list.size() != 1) {
                errors.add(new Problem.FieldError(name, "must be given once"));
                return null;
            }
            value = list.get(0);
        }
        if (!(value instanceof String s)) {
            errors.add(new Problem.FieldError(name, "must be a string"));
            return null;
        }
        return s.strip();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20);
    }
}
