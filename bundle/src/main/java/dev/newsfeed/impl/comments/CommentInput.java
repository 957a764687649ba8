package dev.newsfeed.impl.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.FormFields;
import org.jetbrains.annotations.Nullable;

/**
 * A reader's comment submission, validated field by field. Only the documented fields are accepted: a submission
 * cannot choose its status, path or any other property.
 */
public record CommentInput(
        String author,
        String email,
        @Nullable String url,
        String text,
        @Nullable String parent,
        @Nullable String token,
        boolean honeypotFilled) {

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

    private static final Pattern EMAIL_FORMAT =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9-]{1,64}");

    public record Parsed(@Nullable CommentInput input, List<Problem.FieldError> errors) {}

    public static Parsed parse(Map<String, Object> values) {
        FormFields fields = new FormFields(values);
        fields.known(FIELDS, "is not a field of a comment");
        String author = required(fields, AUTHOR);
        if (author != null) {
            checkText(fields, AUTHOR, author, MAX_AUTHOR, false);
        }
        String email = required(fields, EMAIL);
        if (email != null
                && (email.length() > MAX_EMAIL || !EMAIL_FORMAT.matcher(email).matches())) {
            fields.error(EMAIL, "must be a valid email address");
        }
        String url = optional(fields, URL);
        if (url != null && (url.length() > MAX_URL || !isWebAddress(url))) {
            fields.error(URL, "must be an http or https address");
        }
        String text = required(fields, TEXT);
        if (text != null) {
            checkText(fields, TEXT, text, MAX_TEXT, true);
        }
        String parent = optional(fields, PARENT);
        if (parent != null && !ID_FORMAT.matcher(parent).matches()) {
            fields.error(PARENT, "is not a comment id");
        }
        String token = fields.single(TOKEN);
        String honeypot = fields.single(HONEYPOT);
        if (!fields.valid()) {
            return new Parsed(null, fields.errors());
        }
        return new Parsed(
                new CommentInput(author, email, url, text, parent, token, honeypot != null && !honeypot.isBlank()),
                List.of());
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
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The field stripped; "is required" when it is absent (a JSON null is null without an error). */
    private static @Nullable String required(FormFields fields, String name) {
        String value = fields.single(name);
        if (value == null && !fields.has(name)) {
            fields.error(name, "is required");
        }
        return value == null ? null : value.strip();
    }

    /** The field stripped, or null when it is absent or empty. */
    private static @Nullable String optional(FormFields fields, String name) {
        String value = fields.single(name);
        value = value == null ? null : value.strip();
        return value == null || value.isEmpty() ? null : value;
    }

    private static void checkText(FormFields fields, String name, String value, int max, boolean allowNewlines) {
        if (value.isEmpty() || FormFields.length(value) > max) {
            fields.error(name, "must be 1 to " + max + " characters");
        } else if (hasControl(value, allowNewlines)) {
            fields.error(name, "must not contain control characters");
        }
    }

    /** C0 controls (line breaks and tabs allowed in texts), DEL, and the bidirectional overrides and isolates. */
    private static boolean hasControl(String s, boolean allowNewlines) {
        return FormFields.hasControl(s, allowNewlines)
                || s.chars().anyMatch(c -> c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }
}
