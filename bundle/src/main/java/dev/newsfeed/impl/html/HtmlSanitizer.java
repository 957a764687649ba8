package dev.newsfeed.impl.html;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "blockquote",
                    "q",
                    "cite",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "small",
                    "mark",
                    "abbr",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "pre",
                    "code",
                    "figure",
                    "figcaption",
                    "img",
                    "a",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "caption",
                    "span")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title", "hreflang")
            .onElements("a")
            .allowAttributes("cite")
            .onElements("blockquote", "q")
            .allowAttributes("title")
            .onElements("abbr")
            .allowAttributes("src", "alt", "width", "height")
            .onElements("img")
            .allowAttributes("colspan", "rowspan", "scope")
            .onElements("th", "td")
            .allowAttributes("lang", "dir")
            .globally()
            .requireRelsOnLinks("noopener")
            .toFactory();

    /** Bodies up to this many characters are remembered once sanitised. */
    static final int MEMO_MAX_BODY = 64 * 1024;
    /** The memo is emptied when its bodies and results pass this many characters (about 16 MB of heap). */
    static final long MEMO_MAX_CHARS = 8L * 1024 * 1024;

    /**
     * Sanitising is a pure function of the stored text, so its result is remembered by that text: every read of an
     * article, listing with bodies or feed would otherwise parse the same body again. Keyed by content, never by
     * path, so an edited body (here or on another cluster instance) is a new key and can never be served stale.
     */
    private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

    private static final AtomicLong MEMO_CHARS = new AtomicLong();

    private HtmlSanitizer() {}

    /** Safe HTML of an article body, or null when there is no body. */
    public static @Nullable String article(@Nullable String html) {
        if (html == null) {
            return null;
        }
        if (html.length() > MEMO_MAX_BODY) {
            return ARTICLE.sanitize(html);
        }
        String safe = MEMO.get(html);
        if (safe == null) {
            safe = ARTICLE.sanitize(html);
            if (MEMO_CHARS.addAndGet(html.length() + safe.length()) > MEMO_MAX_CHARS) {
                MEMO.clear(); // rare and cheap: the hot bodies come back on their next read
                MEMO_CHARS.set(html.length() + safe.length());
            }
            MEMO.put(html, safe);
        }
        return safe;
    }
}
