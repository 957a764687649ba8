package dev.newsfeed.impl.authoring;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.FormFields;
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
    public static Parsed parse(Map<String, Object> values, boolean creating, ZoneId zone) {
        FormFields fields = new FormFields(values);
        Set<String> present = fields.known(FIELDS, "is not a field of an article");
        String title = fields.text(TITLE, MAX_TITLE, creating);
        String lead = fields.text(LEAD, MAX_LEAD, false);
        String body = fields.text(BODY, MAX_BODY, false);
        String author = fields.text(AUTHOR, MAX_AUTHOR, false);
        Instant published = present.contains(PUBLISHED) ? published(fields, zone) : null;
        List<String> tags = present.contains(TAGS) ? fields.tags(TAGS, MAX_TAG, MAX_TAGS) : null;
        Boolean commentsOpen = present.contains(COMMENTS_OPEN) ? fields.bool(COMMENTS_OPEN) : null;
        String slug = present.contains(SLUG) ? slug(fields, creating) : null;
        if (!fields.valid()) {
            return new Parsed(null, fields.errors());
        }
        return new Parsed(
                new ArticleInput(present, title, lead, body, author, published, tags, commentsOpen, slug), List.of());
    }

    private static @Nullable Instant published(FormFields fields, ZoneId zone) {
        String value = fields.single(PUBLISHED);
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant published = publishDate(value.trim(), zone);
        if (published == null) {
            fields.error(
                    PUBLISHED,
                    "must be a date and time such as"
                            + " 2022-01-10T14:40 (site time zone) or 2022-01-10T14:40:00+04:00, or empty for a draft");
        }
        return published;
    }

    private static @Nullable String slug(FormFields fields, boolean creating) {
        if (!creating) {
            fields.error(SLUG, "can only be chosen when the article is created");
            return null;
        }
        String slug = fields.single(SLUG);
        if (slug != null
                && (slug.length() > MAX_SLUG || !SLUG_FORMAT.matcher(slug).matches())) {
            fields.error(SLUG, "must be lower-case letters and digits separated by single hyphens, at most 80");
        }
        return slug;
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
}
