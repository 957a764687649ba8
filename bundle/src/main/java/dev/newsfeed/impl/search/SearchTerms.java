package dev.newsfeed.impl.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jetbrains.annotations.Nullable;

/**
 * What a reader searches for: words and "quoted phrases", all of which must match. Nothing of Lucene's or JCR's query
 * syntax is passed on: the characters that carry it are refused (docs/api.md, "Search", has the rules), and every
 * word or phrase goes to Oak as a quoted phrase, which its full-text parser takes literally and the index's analyzer
 * splits exactly as it split the articles.
 *
 * @param terms the words and phrases, each at least one word, without duplicates
 */
public record SearchTerms(List<Term> terms) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_TERMS = 20;

    /** Characters of Lucene's and JCR's query syntax, and markup: refused anywhere in {@code q}. */
    static final String SYNTAX = "*?~^:\\/()[]{}+!|&<>";

    private static final List<String> OPERATORS = List.of("AND", "OR", "NOT");

    /**
     * A word or a phrase as the reader wrote it (spaces collapsed, punctuation around it dropped), whether it was
     * quoted, and its words' normal forms in order (a hyphenated word has several, and matches like a phrase).
     */
    public record Term(String text, boolean quoted, List<String> words) {

        /** As shown back in {@code query}: the word, or the phrase in double quotes. */
        public String display() {
            return quoted ? "\"" + text + "\"" : text;
        }
    }

    /** The terms, or why {@code q} is refused (then terms is null). */
    public record Parsed(@Nullable SearchTerms terms, @Nullable String error) {

        static Parsed refused(String error) {
            return new Parsed(null, error);
        }
    }

    public static Parsed parse(@Nullable String q) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            return Parsed.refused("is required: the words to search for");
        }
        if (text.length() > 2 * MAX_LENGTH || text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Parsed.refused("must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SYNTAX.indexOf(c) >= 0) {
                return Parsed.refused("must not contain '" + c
                        + "': query syntax is not supported (words and \"quoted phrases\" only, all must match)");
            }
            if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
                return Parsed.refused("must not contain control characters");
            }
        }
        if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
            return Parsed.refused("has an unclosed \" (a phrase is written \"like this\")");
        }
        return terms(text);
    }

    private static Parsed terms(String text) {
        Map<String, Term> terms = new LinkedHashMap<>();
        String[] parts = text.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean phrase = i % 2 == 1;
            List<String> pieces = phrase
                    ? List.of(parts[i].strip())
                    : List.of(parts[i].strip().split("\\s+"));
            for (String piece : pieces) {
                String problem = phrase ? null : operator(piece);
                if (problem != null) {
                    return Parsed.refused(problem);
                }
                if (!Words.any(piece)) {
                    continue;
                }
                String shown = trim(String.join(" ", piece.split("\\s+")));
                List<String> words =
                        Words.of(shown).stream().map(Words.Word::normal).toList();
                terms.putIfAbsent(String.join(" ", words), new Term(shown, phrase, words));
            }
        }
        if (terms.isEmpty()) {
            return Parsed.refused("has no words to search for");
        }
        if (terms.size() > MAX_TERMS) {
            return Parsed.refused("may have at most " + MAX_TERMS + " words and phrases");
        }
        return new Parsed(new SearchTerms(List.copyOf(terms.values())), null);
    }

    /** Without the characters before the first word and after the last ("Kazakhstan," is Kazakhstan). */
    private static String trim(String text) {
        List<Words.Word> words = Words.of(text);
        return text.substring(words.get(0).start(), words.get(words.size() - 1).end());
    }

    private static @Nullable String operator(String word) {
        if (OPERATORS.contains(word)) {
            return "must not use " + word + ": operators are not supported (all words must match)";
        }
        if (word.length() > 1 && word.charAt(0) == '-' && Words.isWordChar(word.codePointAt(1))) {
            return "must not exclude words (" + word + "): operators are not supported (all words must match)";
        }
        return null;
    }

    /** The query as understood: terms separated by a space, phrases in double quotes. */
    public String display() {
        return terms.stream().map(Term::display).collect(Collectors.joining(" "));
    }

    /**
     * The full-text expression for Oak's {@code CONTAINS}: every term as a quoted phrase (Oak's parser takes it
     * literally; backslashes and quotes cannot occur in a term), separated by spaces, which means AND.
     */
    public String fulltext() {
        return terms.stream().map(t -> "\"" + t.text() + "\"").collect(Collectors.joining(" "));
    }
}
