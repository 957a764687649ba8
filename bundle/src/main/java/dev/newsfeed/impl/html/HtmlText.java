package dev.newsfeed.impl.html;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jetbrains.annotations.Nullable;

/**
 * The text of stored HTML, as a reader sees it: tags dropped (block elements and line breaks become spaces, inline
 * ones nothing), the content of {@code script}, {@code style}, {@code template} and comments dropped, character
 * references decoded, whitespace collapsed. Linear in the input; never fails on malformed markup (an unclosed tag
 * ends the text).
 */
public final class HtmlText {

    private static final Set<String> HIDDEN = Set.of("script", "style", "template", "noscript", "iframe", "object");
    private static final Set<String> INLINE = Set.of(
            "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
            "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"),
            Map.entry("laquo", "\u00AB"),
            Map.entry("raquo", "\u00BB"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"),
            Map.entry("bdquo", "\u201E"),
            Map.entry("copy", "\u00A9"),
            Map.entry("shy", ""));

    private HtmlText() {}

    public static String of(@Nullable String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < n && isTagStart(html.charAt(i + 1))) {
                i = skipMarkup(html, i, text);
            } else if (c == '&') {
                i = reference(html, i, text);
            } else {
                text.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        return text.toString().replaceAll(" {2,}", " ").strip();
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    /** Skips a tag, comment or declaration at {@code at} (and a hidden element's content); where the text goes on. */
    private static int skipMarkup(String html, int at, StringBuilder text) {
        if (html.startsWith("<!--", at)) {
            int end = html.indexOf("-->", at + 4);
            return end < 0 ? html.length() : end + 3;
        }
        int close = html.indexOf('>', at);
        if (close < 0) {
            return html.length();
        }
        String name = tagName(html, at, close);
        if (!INLINE.contains(name)) {
            text.append(' ');
        }
        if (HIDDEN.contains(name) && html.charAt(at + 1) != '/') {
            int end = indexOfIgnoreCase(html, "</" + name, close);
            if (end < 0) {
                return html.length();
            }
            int endClose = html.indexOf('>', end);
            return endClose < 0 ? html.length() : endClose + 1;
        }
        return close + 1;
    }

    private static int indexOfIgnoreCase(String html, String what, int from) {
        for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static String tagName(String html, int at, int close) {
        int start = at + 1;
        if (start < close && html.charAt(start) == '/') {
            start++;
        }
        int end = start;
        while (end < close && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** Decodes a character reference at {@code at} ({@code &amp;}, {@code &#233;}, {@code &#xE9;}), else a plain &. */
    private static int reference(String html, int at, StringBuilder text) {
        int semi = html.indexOf(';', at);
        if (semi > at + 1 && semi - at <= 10) {
            String name = html.substring(at + 1, semi);
            String decoded = decode(name);
            if (decoded != null) {
                text.append(decoded);
                return semi + 1;
            }
        }
        text.append('&');
        return at + 1;
    }

    private static @Nullable String decode(String name) {
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                if (code <= 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
                    return "\uFFFD";
                }
                return Character.isISOControl(code) ? " " : new String(Character.toChars(code));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name);
    }
}
