package dev.newsfeed.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordsTest {

    private static List<String> normals(String text) {
        return Words.of(text).stream().map(Words.Word::normal).toList();
    }

    @Test
    void splitsLikeTheStandardTokenizer() {
        // the outputs of HTMLStrip, Standard, EnglishPossessive, LowerCase, EnglishMinimalStem of Lucene 4.7 (the
        // index's analyzer, run on these samples with oak-lucene 1.42's classes)
        assertEquals(
                List.of("the", "u.", "don't", "1,000", "3.14", "nagorno", "karabakh"),
                normals("The U.S. don't 1,000 3.14 Nagorno-Karabakh"));
        assertEquals(
                List.of("արցախի", "նախագահը", "нагорный", "карабах", "ինչո", "ւ", "ա", "յո"),
                normals("Արցախի նախագահը։ «Нагорный Карабах» Ինչո՞ւ, Ա՛յո"));
        assertEquals(
                List.of(
                        "artsakh",
                        "kazakhstan",
                        "l'homme",
                        "rock'n'roll",
                        "o'neil",
                        "10",
                        "30",
                        "2022",
                        "01",
                        "10",
                        "v1.2.3",
                        "a_b",
                        "foo",
                        "bar.com",
                        "http",
                        "x.example",
                        "y"),
                normals("Artsakh's KAZAKHSTAN’S l'homme rock'n'roll O'Neil 10:30 2022-01-10 v1.2.3 a_b foo@bar.com"
                        + " http://x.example/y"));
        assertEquals(
                List.of("καλημέρα", "σοφοσ", "straße", "café", "naïve", "東", "京", "都", "한국어", "ไทย"),
                normals("Καλημέρα ΣΟΦΟΣ Straße café naïve 東京都 한국어 ไทย"));
    }

    @Test
    void dropsThePossessiveAndReducesEnglishPlurals() {
        assertEquals(
                List.of("president", "president", "event", "city", "glass", "bus", "trees", "shoes", "movy"),
                normals("President's presidents events cities glass bus trees shoes movies"));
    }

    @Test
    void theMinimalStemmerAsLucenesDoes() {
        // the outputs of org.apache.lucene.analysis.en.EnglishMinimalStemmer (Lucene 4.7, in oak-lucene 1.42)
        String[][] expected = {
            {"cities", "city"},
            {"movies", "movy"},
            {"aies", "aies"},
            {"hoes", "hoes"},
            {"is", "is"},
            {"gas", "ga"},
            {"news", "new"},
            {"trees", "trees"},
            {"shoes", "shoes"},
            {"events", "event"},
            {"glass", "glass"},
            {"bus", "bus"},
            {"series", "sery"},
            {"does", "does"}
        };
        for (String[] pair : expected) {
            assertEquals(pair[1], Words.stem(pair[0]), pair[0]);
        }
    }

    @Test
    void keepsPositions() {
        List<Words.Word> words = Words.of("  «Artsakh»,  president");
        assertEquals(3, words.get(0).start());
        assertEquals(10, words.get(0).end());
        assertEquals("president", words.get(1).normal());
    }
}
