package dev.newsfeed.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTermsTest {

    private static SearchTerms terms(String q) {
        SearchTerms.Parsed parsed = SearchTerms.parse(q);
        assertNotNull(parsed.terms(), () -> q + ": " + parsed.error());
        return parsed.terms();
    }

    private static String refused(String q) {
        SearchTerms.Parsed parsed = SearchTerms.parse(q);
        assertNull(parsed.terms(), q);
        assertNotNull(parsed.error());
        return parsed.error();
    }

    @Test
    void wordsAndPhrasesAllMustMatch() {
        SearchTerms t = terms("  Artsakh   \"state  of emergency\" president's ");
        assertEquals(3, t.terms().size());
        assertEquals("Artsakh \"state of emergency\" president's", t.display());
        assertEquals("\"Artsakh\" \"state of emergency\" \"president's\"", t.fulltext());
        assertEquals(List.of("state", "of", "emergency"), t.terms().get(1).words());
        assertEquals(List.of("president"), t.terms().get(2).words());
    }

    @Test
    void punctuationAroundWordsIsDroppedAndPunctuationOnlyWordsIgnored() {
        SearchTerms t = terms("Kazakhstan, — «events». -");
        assertEquals("Kazakhstan events", t.display());
        assertEquals("\"Kazakhstan\" \"events\"", t.fulltext());
    }

    @Test
    void aHyphenatedWordMatchesLikeAPhraseButStaysAsWritten() {
        SearchTerms t = terms("Nagorno-Karabakh");
        assertEquals("Nagorno-Karabakh", t.display());
        assertEquals(List.of("nagorno", "karabakh"), t.terms().get(0).words());
    }

    @Test
    void armenianAndCyrillicWordsAreWords() {
        SearchTerms t = terms("Արցախի \"Нагорный Карабах\" Ինչո՞ւ");
        assertEquals(3, t.terms().size());
        assertEquals(List.of("արցախի"), t.terms().get(0).words());
        assertEquals(List.of("нагорный", "карабах"), t.terms().get(1).words());
        // Lucene 4.7's tokenizer splits at the Armenian question mark: the word matches like a phrase
        assertEquals(List.of("ինչո", "ւ"), t.terms().get(2).words());
        assertEquals("Արցախի \"Нагорный Карабах\" Ինչո՞ւ", t.display());
    }

    @Test
    void theSameWordsTwiceAreOneTerm() {
        assertEquals("War peace", terms("War peace war WAR").display());
    }

    @Test
    void singleQuotesAreTextNotSyntax() {
        SearchTerms t = terms("don't 'quoted'");
        assertEquals("\"don't\" \"quoted\"", t.fulltext());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "\" \"", "- , .", "«»"})
    void refusesNothingToSearchFor(String q) {
        refused(q);
    }

    @Test
    void refusesMissingAndOverlong() {
        assertTrue(refused(null).contains("required"));
        assertNotNull(SearchTerms.parse("a".repeat(200)).terms());
        assertTrue(refused("a".repeat(201)).contains("200"));
        assertTrue(refused("x ".repeat(5120)).contains("200"));
        // 200 characters are code points: 200 Armenian letters (400 UTF-8 bytes) pass
        assertNotNull(SearchTerms.parse("ա".repeat(200)).terms());
        assertNotNull(SearchTerms.parse("\uD83D\uDE42a".repeat(100)).terms());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title:artsakh",
                "artsa*",
                "artsa?h",
                "artsakh~2",
                "artsakh^4",
                "(a b)",
                "[a TO b]",
                "{a TO b}",
                "+must",
                "!not",
                "a && b",
                "a || b",
                "/regex/",
                "back\\slash",
                "<b>bold</b>",
                "a & b"
            })
    void refusesLuceneSyntax(String q) {
        assertTrue(refused(q).contains("syntax"), q);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a OR b", "a AND b", "NOT a", "a -b", "-artsakh"})
    void refusesOperators(String q) {
        assertTrue(refused(q).contains("operators"), q);
    }

    @Test
    void refusesAnUnclosedQuoteAndControlCharacters() {
        assertTrue(refused("\"state of").contains("unclosed"));
        assertTrue(refused("a\u0000b").contains("control"));
        assertNotNull(SearchTerms.parse("a\tb\nc").terms());
    }

    @Test
    void refusesTooManyTerms() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            q.append("w").append(i).append(' ');
        }
        assertTrue(refused(q.toString()).contains("20"));
        assertEquals(20, terms(q.substring(0, q.lastIndexOf("w20"))).terms().size());
    }

    @Test
    void lowercaseOperatorsAndInnerHyphensAreWords() {
        assertEquals("war or peace", terms("war or peace").display());
        assertEquals("e-mail", terms("e-mail").display());
    }
}
