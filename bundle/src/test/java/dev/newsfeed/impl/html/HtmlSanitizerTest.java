package dev.newsfeed.impl.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

    @Test
    void keepsEditorialMarkup() {
        String body = "<h2>Quote</h2><blockquote cite=\"https://example.org/\"><p>“Peace”</p></blockquote>"
                + "<p><em>a</em> <strong>b</strong> <q>c</q></p><ul><li>d</li></ul>";
        assertEquals(body, HtmlSanitizer.article(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<svg onload=alert(1)><circle/></svg>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<iframe src=\"https://evil.example/\"></iframe>",
                "<p onclick=\"alert(1)\">x",
            })
    void dropsAnythingScriptable(String hostile) {
        String safe = HtmlSanitizer.article(hostile);
        assertEquals(safe, HtmlSanitizer.article(hostile), "the remembered answer is the sanitised one");
        for (String bad :
                new String[] {"script", "onerror", "onload", "onclick", "javascript:", "data:", "style", "iframe", "svg"
                }) {
            assertFalse(safe.toLowerCase().contains(bad), () -> bad + " survived in " + safe);
        }
    }

    @Test
    void addsNoopenerToLinks() {
        assertEquals(
                "<a href=\"https://example.org/\" rel=\"noopener\">x</a>",
                HtmlSanitizer.article("<a href=\"https://example.org/\" target=\"_top\">x</a>"));
        assertNull(HtmlSanitizer.article(null));
    }

    @Test
    void answersAnEditedBodyAfresh() {
        String body = "<p>First version</p>";
        assertEquals(body, HtmlSanitizer.article(body));
        String edited = "<p>First version</p><script>alert(1)</script>";
        assertEquals(body, HtmlSanitizer.article(edited));
        assertEquals("<p>Second</p>", HtmlSanitizer.article("<p>Second</p>"));
    }

    @Test
    void sanitisesBodiesTooLongToRememberAndStaysBounded() {
        String longBody = "<p>" + "x".repeat(HtmlSanitizer.MEMO_MAX_BODY) + "</p><script>alert(1)</script>";
        assertEquals("<p>" + "x".repeat(HtmlSanitizer.MEMO_MAX_BODY) + "</p>", HtmlSanitizer.article(longBody));
        for (int i = 0; i < 400; i++) { // ~25 MB of distinct bodies through a memo of 8 M characters
            String body = "<p>" + i + "y".repeat(30_000) + "</p><img src=x onerror=alert(1)>";
            String safe = HtmlSanitizer.article(body);
            assertFalse(safe.contains("onerror"), safe);
        }
    }
}
