package dev.newsfeed.impl.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void dropsTagsAndKeepsWordsApart() {
        assertEquals("Title One two three", HtmlText.of("<h2>Title</h2><p>One</p><p>t<b>w</b>o <em>three</em></p>"));
        assertEquals("a b", HtmlText.of("a<br>b"));
        assertEquals("quote Author", HtmlText.of("<blockquote><p>quote</p><cite>Author</cite></blockquote>"));
        // as HTMLStrip (the index's char filter) reads it: inline elements join
        assertEquals("quoteAuthor", HtmlText.of("<blockquote>quote<cite>Author</cite></blockquote>"));
    }

    @Test
    void dropsScriptsStylesAndComments() {
        assertEquals(
                "visible text",
                HtmlText.of("<script>var x = '<p>';</script>visible<!-- <p>hidden</p> --><STYLE>p{}</STYLE> text"));
        assertEquals("a", HtmlText.of("a<script>never closed"));
        assertEquals("a", HtmlText.of("a<!-- never closed"));
        assertEquals("a", HtmlText.of("a<p never closed"));
    }

    @Test
    void decodesReferences() {
        assertEquals(
                "<a> & \"b\" é é — « »",
                HtmlText.of("&lt;a&gt; &amp; &quot;b&quot; &#233; &#xE9; &mdash; &laquo; &raquo;"));
        assertEquals("&unknown; & x", HtmlText.of("&unknown; & x"));
        assertEquals("a\uFFFDb", HtmlText.of("a&#xD800;b"));
    }

    @Test
    void keepsTextThatOnlyLooksLikeMarkup() {
        assertEquals("1 < 2 and 3 > 2", HtmlText.of("1 < 2 and 3 > 2"));
        assertEquals("", HtmlText.of(null));
        assertEquals("a b", HtmlText.of("  a\n\t b  "));
    }
}
