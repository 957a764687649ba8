package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommentInputTest {

    private static Map<String, Object> valid() {
        Map<String, Object> f = new HashMap<>();
        f.put("author", "Anna");
        f.put("email", "anna@example.am");
        f.put("text", "Thank you for the article.");
        f.put("token", "t");
        return f;
    }

    @Test
    void acceptsAValidSubmission() {
        CommentInput in = CommentInput.parse(valid()).input();
        assertNotNull(in);
        assertEquals("Anna", in.author());
        assertEquals(false, in.honeypotFilled());
    }

    @Test
    void namesEveryBadField() {
        Map<String, Object> f = new HashMap<>();
        f.put("author", "x".repeat(101));
        f.put("email", "not-an-email");
        f.put("url", "javascript:alert(1)");
        f.put("text", "");
        f.put("parent", "../../etc");
        f.put("status", "approved");
        f.put("path", "/content/x");
        var parsed = CommentInput.parse(f);
        assertNull(parsed.input());
        assertEquals(
                List.of("author", "email", "parent", "path", "status", "text", "url"),
                parsed.errors().stream().map(e -> e.field()).sorted().toList());
    }

    @Test
    void requiresAuthorEmailAndText() {
        var parsed = CommentInput.parse(Map.of());
        assertEquals(
                List.of("author", "email", "text"),
                parsed.errors().stream().map(e -> e.field()).sorted().toList());
    }

    @Test
    void limitsTextTo5000CharactersCountingFourByteOnesOnce() {
        Map<String, Object> f = valid();
        f.put("text", "😀".repeat(5000));
        assertNotNull(CommentInput.parse(f).input());
        f.put("text", "😀".repeat(5001));
        assertNull(CommentInput.parse(f).input());
    }

    @Test
    void refusesControlAndBidiCharactersInTheName() {
        Map<String, Object> f = valid();
        f.put("author", "Anna\u202Eevil");
        assertNull(CommentInput.parse(f).input());
    }

    @Test
    void seesAFilledHoneypot() {
        Map<String, Object> f = valid();
        f.put("website", "http://spam.example");
        assertTrue(CommentInput.parse(f).input().honeypotFilled());
    }

    @Test
    void comparesDuplicatesIgnoringCaseAndSpacing() {
        Map<String, Object> f = valid();
        CommentInput a = CommentInput.parse(f).input();
        f.put("text", "thank  you for the\narticle.");
        f.put("author", "ANNA");
        CommentInput b = CommentInput.parse(f).input();
        assertEquals(a.duplicateKey("id1"), b.duplicateKey("id1"));
        assertTrue(!a.duplicateKey("id1").equals(a.duplicateKey("id2")));
    }
}
