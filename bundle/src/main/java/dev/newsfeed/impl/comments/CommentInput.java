package dev.newsfeed.impl.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newsfeed.impl.dto.Problem;
import org.jetbrains.annotations.Nullable;

/**
 * A reader's comment submission, validated field by field. Only the documented fields are accepted: a submission
 * cannot choose its status, path or any other property.
 */
public record CommentInput(String author, String email, @Nullable String url, String text, @Nullable String parent,
        @Nullable String token, boolean honeypotFilled) {

    public static final String AUTHOR = "author";
    public static final String EMAIL = "email";
    public static final String URL = "url";
    public static final String TEXT = "text";
    public static final String PARENT = "parent";
    public static final String TOKEN = "token";
    /** Hidden in the form; people leave it empty, bots fill it in. */
    public static final String HONEYPOT = "website";

    static final Set<String> FIELDS = Set.of(AUTHOR, EMAIL, URL, TEXT, PARENT, TOKEN, HONEYPOT);
    static final int MAX_AUTHOR = 100;
    static final int MAX_TEXT = 5000;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 2000;

    private static final Pattern EMAIL_FORMAT = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9-]{1,64}");

    public record Parsed(@Nullable CommentInput input, List<Problem.FieldError> errors) {}

    public static Parsed parse(Map<String, Object> fields) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a field of a comment"));
            }
        }
        String author = text(fields, AUTHOR, errors);
        if (author != null) {
            author = author.strip();
            if (author.isEmpty() || length(author) > MAX_AUTHOR) {
                errors.add(new Problem.FieldError(AUTHOR, "must be 1 to " + MAX_AUTHOR + " characters"));
            } else if (hasControl(author, false)) {
                errors.add(new Problem.FieldError(AUTHOR, "must not contain control characters"));
            }
        } else if (!fields.containsKey(AUTHOR)) {
            errors.add(new Problem.FieldError(AUTHOR, "is required"));
        }
        String email = text(fields, EMAIL, errors);
        if (email != null) {
            email = email.strip();
            if (email.length() > MAX_EMAIL || !EMAIL_FORMAT.matcher(email).matches()) {
                errors.add(new Problem.FieldError(EMAIL, "must be a valid email address"));
            }
        } else if (!fields.containsKey(EMAIL)) {
            errors.add(new Problem.FieldError(EMAIL, "is required"));
        }
        String url = text(fields, URL, errors);
        if (url != null) {
            url = url.strip();
            if (url.isEmpty()) {
                url = null;
            } else if (url.length() > MAX_URL || !isWebAddress(url)) {
                errors.add(new Problem.FieldError(URL, "must be an http or https address"));
            }
        }
        String text = text(fields, TEXT, errors);
        if (text != null) {
            text = text.strip();
            if (text.isEmpty() || length(text) > MAX_TEXT) {
                errors.add(new Problem.FieldError(TEXT, "must be 1 to " + MAX_TEXT + " characters"));
            } else if (hasControl(text, true)) {
                errors.add(new Problem.FieldError(TEXT, "must not contain control characters"));
            }
        } else if (!fields.containsKey(TEXT)) {
            errors.add(new Problem.FieldError(TEXT, "is required"));
        }
        String parent = text(fields, PARENT, errors);
        if (parent != null) {
            parent = parent.strip();
            if (parent.isEmpty()) {
                parent = null;
            } else if (!ID_FORMAT.matcher(parent).matches()) {
                errors.add(new Problem.FieldError(PARENT, "is not a comment id"));
            }
        }
        String token = text(fields, TOKEN, errors);
        String honeypot = text(fields, HONEYPOT, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new CommentInput(author, email, url, text, parent, token,
                honeypot != null && !honeypot.isBlank()), List.of());
    }

    /** What duplicate detection compares: article, author and text, with case and spacing ignored. */
    public String duplicateKey(String articleId) {
        return articleId + "\n" + author.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "\n"
                + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean hasControl(String s, boolean allowNewlines) {
        return s.chars().anyMatch(c -> (c < 0x20 && !(allowNewlines && (c == '\n' || c == '\r' || c == '\t')))
                || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    private static @Nullable String text(Map<String, Object> fields, String name, List<Problem.FieldError> errors) {
        Object value = fields.get(name);
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
}
