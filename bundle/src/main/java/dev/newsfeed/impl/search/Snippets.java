package dev.newsfeed.impl.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.newsfeed.impl.html.HtmlText;
import org.jetbrains.annotations.Nullable;

/**
 * The snippet of a search hit: a short passage of the article's text (lead and body as text, else the title) with
 * the matched words in {@code <mark>}; HTML-escaped otherwise, so a front end may insert it as HTML. The passage is
 * the one that holds the most different terms of the query (the earliest of equals, lead and body before the title);
 * an article that matched by its tags only shows the start of its lead or body without marks.
 */
public final class Snippets {

    /** About how many characters of text a snippet shows (whole words; plus the ellipses). */
    public static final int LENGTH = 200;

    private static final int BEFORE = 40;
    private static final String ELLIPSIS = "\u2026";

    private Snippets() {}

    private record Match(int start, int end, int term) {}

    private record Passage(String text, List<Match> matches, int terms) {}

    public static String of(SearchTerms query, String title, @Nullable String lead, @Nullable String bodyHtml) {
        List<String> fields = new ArrayList<>();
        for (String field : new String[] {lead, HtmlText.of(bodyHtml), title}) {
            String text = field == null ? "" : field.replaceAll("\\s+", " ").strip();
            if (!text.isEmpty()) {
                fields.add(text);
            }
        }
        if (fields.isEmpty()) {
            return "";
        }
        Passage best = null;
        for (String field : fields) {
            Passage passage = best(field, matches(field, query));
            if (passage != null && (best == null || passage.terms() > best.terms())) {
                best = passage;
            }
        }
        if (best == null) {
            String text = fields.get(0);
            int end = cutAfter(text, Math.min(text.length(), LENGTH));
            return escape(text.substring(0, end)) + (end < text.length() ? ELLIPSIS : "");
        }
        return render(best);
    }

    /** Where the terms occur in the text: a term's words in a row; the longest term at a place wins. */
    private static List<Match> matches(String text, SearchTerms query) {
        List<Words.Word> words = Words.of(text);
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int found = -1;
            int length = 0;
            for (int t = 0; t < query.terms().size(); t++) {
                List<String> term = query.terms().get(t).words();
                if (term.size() > length && i + term.size() <= words.size() && matchesAt(words, i, term)) {
                    found = t;
                    length = term.size();
                }
            }
            if (found < 0) {
                i++;
                continue;
            }
            matches.add(
                    new Match(words.get(i).start(), words.get(i + length - 1).end(), found));
            i += length;
        }
        return matches;
    }

    private static boolean matchesAt(List<Words.Word> words, int at, List<String> term) {
        for (int k = 0; k < term.size(); k++) {
            if (!words.get(at + k).normal().equals(term.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The window of the text that holds the most different terms, starting a little before its first match. */
    private static @Nullable Passage best(String text, List<Match> matches) {
        int bestFrom = -1;
        int bestTerms = 0;
        for (int i = 0; i < matches.size(); i++) {
            Set<Integer> terms = new HashSet<>();
            for (int j = i;
                    j < matches.size() && matches.get(j).end() - matches.get(i).start() <= LENGTH - BEFORE;
                    j++) {
                terms.add(matches.get(j).term());
            }
            if (terms.size() > bestTerms) {
                bestTerms = terms.size();
                bestFrom = i;
            }
        }
        if (bestFrom < 0) {
            return null;
        }
        int first = matches.get(bestFrom).start();
        int start = Math.min(first, cutBefore(text, Math.max(0, first - BEFORE)));
        int end = cutAfter(text, Math.min(text.length(), start + LENGTH));
        List<Match> shown = new ArrayList<>();
        for (Match m : matches) {
            if (m.start() >= start && m.end() <= end) {
                shown.add(new Match(m.start() - start, m.end() - start, m.term()));
            }
        }
        String prefix = start > 0 ? ELLIPSIS : "";
        String suffix = end < text.length() ? ELLIPSIS : "";
        List<Match> moved = shown.stream()
                .map(m -> new Match(m.start() + prefix.length(), m.end() + prefix.length(), m.term()))
                .toList();
        return new Passage(prefix + text.substring(start, end) + suffix, moved, bestTerms);
    }

    /** A start at a word boundary at or after {@code at} (never inside a word). */
    private static int cutBefore(String text, int at) {
        if (at == 0) {
            return 0;
        }
        int space = text.indexOf(' ', at);
        return space < 0 ? at : space + 1;
    }

    /** An end at a word boundary at or before {@code at}. */
    private static int cutAfter(String text, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', at);
        return space <= 0 ? at : space;
    }

    private static String render(Passage passage) {
        StringBuilder out = new StringBuilder(
                passage.text().length() + 16 * passage.matches().size());
        int at = 0;
        for (Match m : passage.matches()) {
            out.append(escape(passage.text().substring(at, m.start())))
                    .append("<mark>")
                    .append(escape(passage.text().substring(m.start(), m.end())))
                    .append("</mark>");
            at = m.end();
        }
        return out.append(escape(passage.text().substring(at))).toString();
    }

    /** HTML text escaping: {@code & < > " '}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
