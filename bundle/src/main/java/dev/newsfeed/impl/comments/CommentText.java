package dev.newsfeed.impl.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.PolicyFactory;

/**
 * A reader's comment as safe HTML: blank lines make paragraphs, line breaks stay, bare http(s) addresses become
 * links, and the only markup kept from the input is emphasis and http(s) links, which get
 * {@code rel="nofollow ugc"}. Everything else is escaped or dropped by the OWASP Java HTML Sanitizer.
 */
public final class CommentText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "i", "b", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .withPostprocessor(receiver -> new HtmlStreamEventReceiverWrapper(receiver) {
                @Override
                public void openTag(String name, List<String> attrs) {
                    if ("a".equals(name)) {
                        attrs = new ArrayList<>(attrs);
                        attrs.add("rel");
                        attrs.add("nofollow ugc");
                    }
                    super.openTag(name, attrs);
                }
            })
            .toFactory();

    /** http(s) addresses not already inside a tag or an href. */
    private static final Pattern BARE_URL =
            Pattern.compile("(?<![\"'=>/])\\bhttps?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

    private CommentText() {}

    public static String toHtml(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder(normalized.length() + 32);
        for (String paragraph : normalized.split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            html.append("<p>").append(linkify(p).replace("\n", "<br>")).append("</p>");
        }
        return POLICY.sanitize(html.toString());
    }

    /** Number of links a text would carry (bare addresses and anchors). */
    public static int links(String text) {
        int count = 0;
        Matcher m = Pattern.compile("https?://|<a\\s", Pattern.CASE_INSENSITIVE).matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static String linkify(String text) {
        if (text.toLowerCase().contains("<a")) {
            return text; // the reader wrote anchors: leave addresses as they are
        }
        return BARE_URL.matcher(text)
                .replaceAll(r -> "<a href=\"" + Matcher.quoteReplacement(r.group()) + "\">"
                        + Matcher.quoteReplacement(r.group()) + "</a>");
    }
}
