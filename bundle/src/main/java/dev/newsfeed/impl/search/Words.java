package dev.newsfeed.impl.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words and normalises them the way the search index's analyzer does ({@code Standard} tokenizer,
 * {@code EnglishPossessive}, {@code LowerCase}, {@code EnglishMinimalStem}), closely enough that the snippets mark the
 * words Lucene matched: a word is a run of letters, digits, marks and connectors ({@code _}) of any script; an
 * apostrophe or a full stop between two letters or two digits, and a comma between two digits, stay inside it
 * ({@code don't}, {@code U.S}, {@code 1,000}); a Han or Hiragana character is a word of its own; everything else
 * separates words (also the Armenian emphasis and question marks inside a word, as in Lucene 4.7, oak-lucene's).
 * A test compares both on samples of every kind.
 */
public final class Words {

    /** One word of a text: where it is ({@code start} inclusive, {@code end} exclusive) and its normal form. */
    public record Word(int start, int end, String normal) {}

    private Words() {}

    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int end = i;
            if (isIdeograph(c)) {
                end += Character.charCount(c);
                words.add(new Word(start, end, normal(text.substring(start, end))));
                i = end;
                continue;
            }
            while (end < n) {
                int d = text.codePointAt(end);
                if (isWordChar(d) && !isIdeograph(d)) {
                    end += Character.charCount(d);
                } else if (joins(text, end, d)) {
                    end += Character.charCount(d);
                } else {
                    break;
                }
            }
            words.add(new Word(start, end, normal(text.substring(start, end))));
            i = end;
        }
        return words;
    }

    /** Whether the text has at least one word. */
    public static boolean any(String text) {
        return text.codePoints().anyMatch(Words::isWordChar);
    }

    /** Lower case per code point (as Lucene's LowerCaseFilter), without the possessive, English plural reduced. */
    public static String normal(String word) {
        StringBuilder lower = new StringBuilder(word.length());
        word.codePoints().forEach(c -> lower.appendCodePoint(Character.toLowerCase(c)));
        int len = lower.length();
        if (len >= 2
                && lower.charAt(len - 1) == 's'
                && (lower.charAt(len - 2) == '\'' || lower.charAt(len - 2) == '\u2019')) {
            lower.setLength(len - 2);
        }
        return stem(lower.toString());
    }

    /** Lucene's EnglishMinimalStemmer: "ies" to "y", "es" to "e", "s" dropped, with its exceptions. */
    static String stem(String s) {
        int len = s.length();
        if (len < 3 || s.charAt(len - 1) != 's') {
            return s;
        }
        char before = s.charAt(len - 2);
        if (before == 'u' || before == 's') {
            return s;
        }
        if (before == 'e') {
            char third = s.charAt(len - 3);
            if (len > 3 && third == 'i' && s.charAt(len - 4) != 'a' && s.charAt(len - 4) != 'e') {
                return s.substring(0, len - 3) + "y";
            }
            if (third == 'i' || third == 'a' || third == 'o' || third == 'e') {
                return s;
            }
        }
        return s.substring(0, len - 1);
    }

    static boolean isWordChar(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.CONNECTOR_PUNCTUATION;
    }

    private static boolean isIdeograph(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA;
    }

    private static boolean joins(String text, int at, int c) {
        if (at == 0 || at + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(at);
        int after = text.codePointAt(at + Character.charCount(c));
        boolean letters = Character.isLetter(before) && Character.isLetter(after);
        boolean digits = Character.isDigit(before) && Character.isDigit(after);
        return switch (c) {
            case '\'', '\u2019' -> letters || digits;
            case '.' -> letters || digits;
            case ',' -> digits;
            default -> false;
        };
    }
}
