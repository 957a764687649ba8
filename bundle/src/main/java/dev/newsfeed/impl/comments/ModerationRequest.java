package dev.newsfeed.impl.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.newsfeed.impl.dto.Problem;
import org.jetbrains.annotations.Nullable;

/**
 * A moderator's request, validated: one to 100 comment {@code id}s (repeated or comma-separated) and an
 * {@code action} (approve, spam, trash, pending); no other field.
 */
public record ModerationRequest(List<String> ids, CommentStatus target) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    static final int MAX_IDS = 100;

    /** The request, or the errors of its fields. */
    public record Parsed(@Nullable ModerationRequest request, List<Problem.FieldError> errors) {}

    public static Parsed parse(Map<String, Object> fields) {
        List<String> ids = strings(fields.get("id"));
        Object actionValue = fields.get("action");
        CommentStatus target = actionValue instanceof String s ? CommentStatus.ofAction(s) : null;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()
                || ids.size() > MAX_IDS
                || !ids.stream().allMatch(i -> ID.matcher(i).matches())) {
            errors.add(new Problem.FieldError("id", "one to 100 comment ids"));
        }
        if (target == null) {
            errors.add(new Problem.FieldError("action", "must be approve, spam, trash or pending"));
        }
        for (String name : fields.keySet()) {
            if (!name.equals("id") && !name.equals("action")) {
                errors.add(new Problem.FieldError(name, "is not a field of a moderation request"));
            }
        }
        return errors.isEmpty() ? new Parsed(new ModerationRequest(ids, target), List.of()) : new Parsed(null, errors);
    }

    private static List<String> strings(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    list.add(part.trim());
                }
            }
        } else if (value instanceof List<?> items) {
            items.forEach(i -> list.addAll(strings(i)));
        }
        return list;
    }
}
