package dev.newsfeed.impl.search;

import java.util.ArrayList;
import java.util.List;

import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.paging.SearchCursor;
import org.jetbrains.annotations.Nullable;

/**
 * {@code q}, {@code limit} (1..50, default 10) and {@code cursor} of a search, validated. A bad {@code q} makes the
 * answer an {@code invalid-query} problem; a bad limit or cursor alone an {@code invalid-request} one.
 */
public record SearchRequest(String sitePath, SearchTerms terms, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;

    /** The request, or the field errors; {@code badQuery} when {@code q} is among them. */
    public record Parsed(@Nullable SearchRequest request, List<Problem.FieldError> errors, boolean badQuery) {}

    public static Parsed parse(
            String sitePath, @Nullable String q, @Nullable String limitParam, @Nullable String cursorParam) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SearchTerms.Parsed parsed = SearchTerms.parse(q);
        if (parsed.terms() == null) {
            errors.add(new Problem.FieldError("q", parsed.error()));
        }
        int limit = limit(limitParam, errors);
        int offset = 0;
        if (cursorParam != null) {
            SearchCursor cursor = parsed.terms() == null
                    ? null
                    : SearchCursor.decode(
                            cursorParam.trim(), sitePath, parsed.terms().display());
            if (cursor == null) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this API gave out for this search"));
            } else {
                offset = cursor.offset();
            }
        }
        return errors.isEmpty()
                ? new Parsed(new SearchRequest(sitePath, parsed.terms(), limit, offset), List.of(), false)
                : new Parsed(null, errors, parsed.terms() == null);
    }

    private static int limit(@Nullable String limitParam, List<Problem.FieldError> errors) {
        if (limitParam == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(limitParam.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
            errors.add(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
        }
        return DEFAULT_LIMIT;
    }

    /** The cursor of the page after this one, which showed {@code shown} results. */
    public String nextCursor(int shown) {
        return SearchCursor.after(offset + shown, sitePath, terms.display()).encode();
    }

    /** The query string of the next page's URL. */
    public String nextQuery(int shown) {
        return "?q=" + java.net.URLEncoder.encode(terms.display(), java.nio.charset.StandardCharsets.UTF_8) + "&limit="
                + limit + "&cursor=" + nextCursor(shown);
    }
}
