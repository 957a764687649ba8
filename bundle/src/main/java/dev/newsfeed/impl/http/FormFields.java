package dev.newsfeed.impl.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.dto.Problem;
import org.jetbrains.annotations.Nullable;

/**
 * The one field parser of the write endpoints: reads the fields of a request body (as {@link RequestFields} gives
 * them: Strings, Booleans, Lists, JSON nodes) one by one and collects the field errors of a 400 in the order they are
 * found. The inputs (articles, comments, site settings) say which fields they take and what each must be.
 */
public final class FormFields {

    private final Map<String, Object> fields;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public FormFields(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The fields sent that are among {@code known}; each other one is an error "{@code unknown}". */
    public Set<String> known(Set<String> known, String unknown) {
        Set<String> present = new LinkedHashSet<>();
        for (String name : fields.keySet()) {
            if (known.contains(name)) {
                present.add(name);
            } else {
                error(name, unknown);
            }
        }
        return present;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public @Nullable Object raw(String name) {
        return fields.get(name);
    }

    public void error(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * A field that must be one string if sent: a list of one is that value, a list of more is an error, a JSON null
     * (or an absent field) is null, anything else is an error. Not trimmed.
     */
    public @Nullable String single(String name) {
        return single(name, fields.get(name), true);
    }

    /** As {@link #single}, but a null is an error too; stripped of surrounding white space. */
    public @Nullable String string(String name) {
        String value = single(name, fields.get(name), false);
        return value == null ? null : value.strip();
    }

    /**
     * A text of at most {@code max} code points, stripped, without control characters other than line breaks and
     * tabs; an error when {@code required} and absent or empty. Null when absent.
     */
    public @Nullable String text(String name, int max, boolean required) {
        if (!fields.containsKey(name)) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        String value = single(name);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (required && value.isEmpty()) {
            error(name, "must not be empty");
        } else if (length(value) > max) {
            error(name, "must be at most " + max + " characters");
        } else if (hasControl(value, true)) {
            error(name, "must not contain control characters");
        }
        return value;
    }

    /** {@code true} or {@code false} (a JSON boolean or the word, in any case); null and an error otherwise. */
    public @Nullable Boolean bool(String name) {
        Object value = fields.get(name);
        String text = value instanceof Boolean b ? b.toString() : single(name);
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        if (text != null) {
            error(name, "must be true or false");
        }
        return null;
    }

    /** One of {@code values} (exactly), or null after the error {@code message}. */
    public @Nullable String oneOf(String name, Collection<String> values, String message) {
        String value = string(name);
        if (value != null && !values.contains(value)) {
            error(name, message);
            return null;
        }
        return value;
    }

    /** A whole number from 0 to {@code max} (a string of up to six digits or a JSON integer); null when it is not. */
    public @Nullable Long wholeNumber(String name, long max) {
        Object value = fields.get(name);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        String text = value instanceof String s
                ? s.strip()
                : value instanceof JsonNode n && n.isIntegralNumber() ? n.asText() : null;
        if (text == null || !text.matches("\\d{1,6}")) {
            return null;
        }
        long number = Long.parseLong(text);
        return number <= max ? number : null;
    }

    /**
     * Tags as a list of strings or one comma-separated string (or both): stripped, empty ones dropped, duplicates
     * once, each of 1 to {@code maxTag} characters without control characters, at most {@code maxTags}.
     */
    public List<String> tags(String name, int maxTag, int maxTags) {
        List<String> raw = strings(name);
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String item : raw) {
            for (String tag : item.split(",")) {
                String t = tag.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > maxTag || t.chars().anyMatch(c -> c < 0x20)) {
                    error(name, "each tag must be 1 to " + maxTag + " characters without control characters");
                    return List.of();
                }
                tags.add(t);
            }
        }
        if (tags.size() > maxTags) {
            error(name, "at most " + maxTags + " tags");
        }
        return List.copyOf(tags);
    }

    /** The code points of a string. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Whether a string has a C0 control character (line breaks and tabs allowed if {@code allowLineBreaks}). */
    public static boolean hasControl(String s, boolean allowLineBreaks) {
        return s.chars().anyMatch(c -> c < 0x20 && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')));
    }

    private @Nullable List<String> strings(String name) {
        Object value = fields.get(name);
        List<String> raw = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    error(name, "must be strings");
                    return null;
                }
                raw.add(s);
            }
        } else if (value instanceof String s) {
            raw.add(s);
        } else if (value != null) {
            error(name, "must be a list of strings");
            return null;
        }
        return raw;
    }

    private @Nullable String single(String name, @Nullable Object value, boolean nullAllowed) {
        if (value instanceof List<?> list) {
            if (list.size() != 1) {
                error(name, "must be given once");
                return null;
            }
            value = list.get(0);
        }
        if (value == null && nullAllowed) {
            return null;
        }
        if (!(value instanceof String s)) {
            error(name, "must be a string");
            return null;
        }
        return s;
    }
}
