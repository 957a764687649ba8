package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommentTextTest {

    @Test
    void makesParagraphsLineBreaksAndLinks() {
        assertEquals(
                "<p>First line<br />second line</p><p>See <a href=\"https://example.org/a?b&#61;c\""
                        + " rel=\"nofollow ugc\">https://example.org/a?b&#61;c</a>.</p>",
                CommentText.toHtml("First line\nsecond line\n\nSee https://example.org/a?b=c."));
    }

    @Test
    void keepsEmphasisAndWebLinksOnly() {
        assertEquals(
                "<p><em>really</em> <strong>good</strong> <a href=\"http://example.org\" rel=\"nofollow ugc\">x</a></p>",
                CommentText.toHtml(
                        "<em>really</em> <strong>good</strong> <a href=\"http://example.org\" onclick=\"x()\">x</a>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>hello",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<svg><script>alert(1)</script></svg>",
                "<svg onload=alert(1)>",
                "<div style=\"width: expression(alert(1))\">x</div>",
                "<p style=\"background:url(javascript:alert(1))\">x",
                "<iframe src=//evil.example></iframe>",
                "<b onmouseover=alert(1)>unclosed",
                "<<script>script>alert(1)<</script>/script>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            })
    void leavesNothingScriptable(String hostile) {
        String html = CommentText.toHtml(hostile).toLowerCase(Locale.ROOT);
        for (String bad : new String[] {
            "<script",
            "onerror",
            "onload",
            "onclick",
            "onmouseover",
            "javascript:",
            "data:",
            "style",
            "expression(",
            "<iframe",
            "<svg",
            "<img",
            "<div",
            "<math"
        }) {
            assertFalse(html.contains(bad), () -> bad + " survived: " + html);
        }
    }

    @Test
    void keepsFourByteCharacters() {
        String text = "Great 👍🏽 𝒳 article";
        assertTrue(
                CommentText.toHtml(text).contains("👍🏽")
                        || CommentText.toHtml(text).contains("&#"),
                CommentText.toHtml(text));
        assertFalse(CommentText.toHtml(text).contains("?"));
    }

    @Test
    void countsLinks() {
        assertEquals(3, CommentText.links("http://a.example https://b.example <a href=x>y</a>"));
        assertEquals(0, CommentText.links("no links here"));
    }
}
