package dev.newsfeed.impl.paging;

import java.util.ArrayList;
import java.util.List;

import dev.newsfeed.impl.dto.Problem;
import org.jetbrains.annotations.Nullable;

/** {@code limit} (1..100, default 20) and {@code cursor} of a list request, validated. */
public record PageRequest(int limit, @Nullable Cursor cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Parsing result: the request, or the field errors that make it a 400. */
    public record Parsed(@Nullable PageRequest request, List<Problem.FieldError> errors) {}

    public static Parsed parse(@Nullable String limitParam, @Nullable String cursorParam) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int limit = DEFAULT_LIMIT;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.trim());
                if (limit < 1 || limit > MAX_LIMIT) {
                    errors.add(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        Cursor cursor = null;
        if (cursorParam != null) {
            cursor = Cursor.decode(cursorParam.trim());
            if (cursor == null) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this API gave out"));
            }
        }
        return errors.isEmpty() ? new Parsed(new PageRequest(limit, cursor), List.of()) : new Parsed(null, errors);
    }
}
