package dev.newsfeed.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's files in this bundle ({@code /console/*}), read once, and its pages: templates whose
 * {@code {{name}}} placeholders are filled with HTML-escaped values.
 */
final class ConsoleFiles {

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private ConsoleFiles() {}

    /** The bytes of {@code /console/{name}}. */
    static byte[] file(String name) {
        return FILES.computeIfAbsent(name, n -> {
            try (InputStream in = ConsoleFiles.class.getResourceAsStream("/console/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("The bundle lacks /console/" + n);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The page {@code /console/{name}} with every {@code {{name}}} replaced by its value, HTML-escaped, as UTF-8. */
    static byte[] fill(String name, Map<String, String> values) {
        return render(new String(file(name), StandardCharsets.UTF_8), values).getBytes(StandardCharsets.UTF_8);
    }

    static String render(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open);
            String key = template.substring(open + 2, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + key + "}}");
            }
            out.append(template, at, open).append(escape(value));
            at = close + 2;
        }
        return out.append(template.substring(at)).toString();
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
