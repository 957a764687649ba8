package dev.newsfeed.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    private static SearchTerms q(String q) {
        return SearchTerms.parse(q).terms();
    }

    @Test
    void marksTheMatchedWordsInTheBodyText() {
        String snippet = Snippets.of(
                q("emergency"),
                "Artsakh President on the events",
                "The president spoke.",
                "<p>A <b>state of</b> emergency was declared.</p>");
        assertEquals("A state of <mark>emergency</mark> was declared.", snippet);
    }

    @Test
    void marksPhrasesPluralsAndPossessivesAsTheIndexMatchesThem() {
        String snippet = Snippets.of(
                q("\"state of emergency\" president"),
                "Title",
                null,
                "<p>The President's words: a State of Emergency, as presidents do.</p>");
        assertEquals(
                "The <mark>President&#39;s</mark> words: a <mark>State of Emergency</mark>, as <mark>presidents</mark> do.",
                snippet);
    }

    @Test
    void escapesEverythingButTheMarks() {
        String snippet = Snippets.of(
                q("script"),
                "Title",
                "x < y & \"script\" <mark>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script>hidden script</script>");
        assertEquals("x &lt; y &amp; &quot;<mark>script</mark>&quot; &lt;mark&gt;", snippet);
        assertFalse(snippet.contains("hidden"));
    }

    @Test
    void picksThePassageWithTheMostTermsAndCutsAtWords() {
        String filler = "lorem ipsum dolor sit amet ".repeat(20);
        String body = "<p>Kazakhstan first. " + filler + "Later Kazakhstan and Artsakh together. " + filler + "</p>";
        String snippet = Snippets.of(q("Artsakh Kazakhstan"), "Title", null, body);
        assertTrue(snippet.startsWith("\u2026"), snippet);
        assertTrue(snippet.endsWith("\u2026"), snippet);
        assertTrue(snippet.contains("<mark>Kazakhstan</mark> and <mark>Artsakh</mark>"), snippet);
        String text = snippet.replace("<mark>", "").replace("</mark>", "");
        assertTrue(text.length() <= Snippets.LENGTH + 2, text);
        assertFalse(text.contains("  "), text);
    }

    @Test
    void fallsBackToTheTitleThenToTheStartOfTheText() {
        assertEquals(
                "<mark>Artsakh</mark> President",
                Snippets.of(q("Artsakh"), "Artsakh President", "On the events.", "<p>Body.</p>"));
        // matched by a tag only: the start of the lead, no marks
        assertEquals("On the events.", Snippets.of(q("politics"), "Artsakh President", "On the events.", null));
        String longLead = "word ".repeat(100);
        String start = Snippets.of(q("politics"), "T", longLead, null);
        assertTrue(start.endsWith("word\u2026"), start);
        assertEquals("", Snippets.of(q("x"), "", null, null));
    }

    @Test
    void marksArmenianAndCyrillicWords() {
        assertEquals(
                "<mark>Արցախի</mark> նախագահը, <mark>Нагорный Карабах</mark>.",
                Snippets.of(q("արցախի \"нагорный карабах\""), "T", "Արցախի նախագահը, Нагорный Карабах.", null));
    }
}
