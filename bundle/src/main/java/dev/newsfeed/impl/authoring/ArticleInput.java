package dev.newsfeed.impl.authoring;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newsfeed.impl.dto.Problem;
import org.jetbrains.annotations.Nullable;

/**
 * What an author sends to create or change an article, validated. Fields absent from an update stay as they are;
 * {@code published} sent empty makes the article a draft again.
 *
 * @param present the fields the request carried
 * @param published the publish instant, or null for a draft (when {@code present} has "published")
 */
public record ArticleInput(
        Set<String> present,
        @Nullable String title,
        @Nullable String lead,
        @Nullable String body,
        @Nullable String author,
        @Nullable Instant published,
        @Nullable List<String> tags,
        @Nullable Boolean commentsOpen,
        @Nullable String slug) {

    public static final String TITLE = "title";
    public static final String LEAD = "lead";
    public static final String BODY = "body";
    public static final String AUTHOR = "author";
    public static final String PUBLISHED = "published";
    public static final String TAGS = "tags";
    public static final String COMMENTS_OPEN = "commentsOpen";
    public static final String SLUG = "slug";

    static final Set<String> FIELDS = Set.of(TITLE, LEAD, BODY, AUTHOR, PUBLISHED, TAGS, COMMENTS_OPEN, SLUG);

    static final int MAX_TITLE = 300;
    static final int MAX_LEAD = 2_000;
    static final int MAX_BODY = 500_000;
    static final int MAX_AUTHOR = 200;
    static final int MAX_TAG = 60;
    static final int MAX_TAGS = 30;
    static final int MAX_SLUG = 80;

    private static final Pattern SLUG_FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    /** A parsed input or the errors that make the request a 400. */
    public record Parsed(@Nullable ArticleInput input, List<Problem.FieldError> errors) {}

    /**
     * @param fields field name to a String, a Boolean, or a List of Strings (repeated form fields, JSON arrays)
     * @param creating whether a new article is created (title required, slug allowed)
     * @param zone the site's zone, for publish dates sent without an offset
     */
    public static Parsed parse(Map<String, Object> fields, boolean creating, ZoneId zone) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (String name : fields.keySet()) {
            if (FIELDS.contains(name)) {
                present.add(name);
            } else {
                errors.add(new Problem.FieldError(name, "is not a field of an article"));
            }
        }
        String title = text(fields, TITLE, MAX_TITLE, creating, errors);
        String lead = text(fields, LEAD, MAX_LEAD, false, errors);
        String body = text(fields, BODY, MAX_BODY, false, errors);
        String author = text(fields, AUTHOR, MAX_AUTHOR, false, errors);
        Instant published = null;
        if (present.contains(PUBLISHED)) {
            String value = single(fields.get(PUBLISHED), PUBLISHED, errors);
            if (value != null && !value.isBlank()) {
                published = publishDate(value.trim(), zone);
                if (published == null) {
                    errors.add(new Problem.FieldError(PUBLISHED, "must be a date and time such as"
                            + " 2022-01-10T14:40 (site time zone) or 2022-01-10T14:40:00+04:00, or empty for a draft"));
                }
            }
        }
        List<String> tags = present.contains(TAGS) ? tags(fields.get(TAGS), errors) : null;
        Boolean commentsOpen = null;
        if (present.contains(COMMENTS_OPEN)) {
            Object value = fields.get(COMMENTS_OPEN);
            String text = value instanceof Boolean b ? b.toString() : single(value, COMMENTS_OPEN, errors);
            if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                commentsOpen = Boolean.valueOf(text);
            } else if (text != null) {
                errors.add(new Problem.FieldError(COMMENTS_OPEN, "must be true or false"));
            }
        }
        String slug = null;
        if (present.contains(SLUG)) {
            if (!creating) {
                errors.add(new Problem.FieldError(SLUG, "can only be chosen when the article is created"));
            } else {
                slug = single(fields.get(SLUG), SLUG, errors);
                if (slug != null && (slug.length() > MAX_SLUG || !SLUG_FORMAT.matcher(slug).matches())) {
                    errors.add(new Problem.FieldError(SLUG,
                            "must be lower-case letters and digits separated by single hyphens, at most 80"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new ArticleInput(present, title, lead, body, author, published, tags, commentsOpen, slug),
                List.of());
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    /** A URL-safe node name from a title: ASCII letters and digits, hyphenated; "article" when nothing is left. */
    public static String slugify(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /**
     * A publish date with an offset, or a local date-time in the site's zone (in a DST gap it moves forward, in an
     * overlap it takes the earlier offset); null when it is not one.
     */
    static @Nullable Instant publishDate(String value, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: try the site's local time
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable String text(Map<String, Object> fields, String name, int max, boolean required,
            List<Problem.FieldError> errors) {
        if (!fields.containsKey(name)) {
            if (required) {
                errors.add(new Problem.FieldError(name, "is required"));
            }
            return null;
        }
        String value = single(fields.get(name), name, errors);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (required && value.isEmpty()) {
            errors.add(new Problem.FieldError(name, "must not be empty"));
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(new Problem.FieldError(name, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new Problem.FieldError(name, "must not contain control characters"));
        }
        return value;
    }

    private static @Nullable String single(Object value, String name, List<Problem.FieldError> errors) {
        if (value instanceof List<?> list) {
            if (list.size() != 1) {
                errors.add(new Problem.FieldError(name, "must be given once"));
                return null;
            }
            value = list.get(0);
        }
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new Problem.FieldError(name, "must be a string"));
            return null;
        }
        return s;
    }

    private static List<String> tags(Object value, List<Problem.FieldError> errors) {
        List<String> raw = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    errors.add(new Problem.FieldError(TAGS, "must be strings"));
                    return List.of();
                }
                raw.add(s);
            }
        } else if (value instanceof String s) {
            raw.add(s);
        } else if (value != null) {
            errors.add(new Problem.FieldError(TAGS, "must be a list of strings"));
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String item : raw) {
            for (String tag : item.split(",")) {
                String t = tag.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG || t.chars().anyMatch(c -> c < 0x20)) {
                    errors.add(new Problem.FieldError(TAGS, "each tag must be 1 to " + MAX_TAG
                            + " characters without control characters"));
                    return List.of();
                }
                tags.add(t);
            }
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new Problem.FieldError(TAGS, "at most " + MAX_TAGS + " tags"));
        }
        return List.copyOf(tags);
    }
}
