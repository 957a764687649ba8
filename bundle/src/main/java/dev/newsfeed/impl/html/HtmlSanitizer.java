package dev.newsfeed.impl.html;

import org.jetbrains.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML the API serves, built with the OWASP Java HTML Sanitizer (embedded, so Sling and AEM
 * apply the same policy). Article bodies keep editorial markup; anything scriptable is dropped and
 * links may only use http, https or mailto.
 */
public final class HtmlSanitizer {

    private static final PolicyFactory ARTICLE = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "em", "strong",
                    "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "ul", "ol", "li", "dl", "dt", "dd",
                    "pre", "code", "figure", "figcaption", "img", "a", "table", "thead", "tbody", "tr", "th", "td",
                    "caption", "span")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title", "hreflang").onElements("a")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("src", "alt", "width", "height").onElements("img")
            .allowAttributes("colspan", "rowspan", "scope").onElements("th", "td")
            .allowAttributes("lang", "dir").globally()
            .requireRelsOnLinks("noopener")
            .toFactory();

    private HtmlSanitizer() {}

    /** Safe HTML of an article body, or null when there is no body. */
    public static @Nullable String article(@Nullable String html) {
        return html == null ? null : ARTICLE.sanitize(html);
    }
}
