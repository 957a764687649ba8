package dev.newsfeed.impl.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.paging.Cursor;
import dev.newsfeed.impl.paging.PageRequest;
import org.jetbrains.annotations.Nullable;

/**
 * The feed's question (published articles of a site, newest first, optionally of a tag and between two dates of the
 * site's zone, after a cursor) and its JCR-SQL2 form, which Oak answers from the {@code newsfeedArticles-custom-1}
 * index (selected by its tag). Values are escaped into the statement; the dates bound the publish instant.
 */
public record FeedQuery(
        String sitePath, @Nullable String tag, @Nullable LocalDate from, @Nullable LocalDate to, PageRequest page) {

    public static final String INDEX_TAG = "newsfeed";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A query or the field errors that make the request a 400. */
    public record Parsed(@Nullable FeedQuery query, List<Problem.FieldError> errors) {}

    public static Parsed parse(
            String sitePath,
            @Nullable String limit,
            @Nullable String cursor,
            @Nullable String tag,
            @Nullable String from,
            @Nullable String to) {
        PageRequest.Parsed paging = PageRequest.parse(limit, cursor);
        List<Problem.FieldError> errors = new ArrayList<>(paging.errors());
        String t = null;
        if (tag != null) {
            t = tag.strip();
            if (t.isEmpty() || t.length() > 60 || t.chars().anyMatch(c -> c < 0x20)) {
                errors.add(new Problem.FieldError("tag", "must be 1 to 60 characters"));
            }
        }
        LocalDate f = date("from", from, errors);
        LocalDate u = date("to", to, errors);
        if (f != null && u != null && f.isAfter(u)) {
            errors.add(new Problem.FieldError("to", "must not be before from"));
        }
        return errors.isEmpty()
                ? new Parsed(new FeedQuery(sitePath, t, f, u, paging.request()), List.of())
                : new Parsed(null, errors);
    }

    /**
     * The statement for articles published at or before the upper bound ({@code now}, or the cursor's time), newest
     * first. Articles at exactly the cursor's time are filtered by id by the caller.
     */
    public String statement(ZoneId zone, Instant now) {
        return statement(zone, now, null);
    }

    /** The instant the page ends at: now, or the cursor's time. */
    public Instant upper(Instant now) {
        Cursor cursor = page.cursor();
        return cursor == null ? now : Instant.ofEpochMilli(Math.min(now.toEpochMilli(), cursor.publishedMillis()));
    }

    /** The instant the period starts at ({@code from} in the site's zone), or null. */
    public @Nullable Instant lower(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /**
     * As {@link #statement(ZoneId, Instant)}, limited to articles published at or after {@code since} (a window
     * that keeps Lucene's sort to the documents of the window), when not null.
     */
    public String statement(ZoneId zone, Instant now, @Nullable Instant since) {
        StringBuilder sql = new StringBuilder()
                .append("SELECT [jcr:path] FROM [nt:unstructured] AS a WHERE ISDESCENDANTNODE(a, ")
                .append(literal(sitePath + "/articles"))
                .append(")")
                .append(" AND a.[sling:resourceType] = 'newsfeed/article'")
                .append(" AND a.[published] <= ")
                .append(date(upper(now)));
        Instant lower = lower(zone);
        if (since != null && (lower == null || since.isAfter(lower))) {
            lower = since;
        }
        if (lower != null) {
            sql.append(" AND a.[published] >= ").append(date(lower));
        }
        if (to != null) {
            sql.append(" AND a.[published] < ")
                    .append(date(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (tag != null) {
            sql.append(" AND a.[tags] = ").append(literal(tag));
        }
        return sql.append(" ORDER BY a.[published] DESC, a.[jcr:uuid] DESC OPTION(INDEX TAG ")
                .append(INDEX_TAG)
                .append(")")
                .toString();
    }

    /** The query string of the next page's URL (limit, cursor and the filters). */
    public String nextQuery(Cursor next) {
        StringBuilder q = new StringBuilder("?limit=").append(page.limit());
        if (tag != null) {
            q.append("&tag=").append(java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (from != null) {
            q.append("&from=").append(from);
        }
        if (to != null) {
            q.append("&to=").append(to);
        }
        return q.append("&cursor=").append(next.encode()).toString();
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String date(Instant instant) {
        return "CAST('" + ISO_MILLIS.format(instant) + "' AS DATE)";
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!DATE.matcher(value.trim()).matches()) {
            errors.add(new Problem.FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 1) {
                throw new DateTimeException("year 0");
            }
            return d;
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError(field, "is not a calendar date"));
            return null;
        }
    }
}
