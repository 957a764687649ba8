package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsfeed.impl.dto.Problem;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static FormFields fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return new FormFields(map);
    }

    @Test
    void unknownFieldsAreErrorsAndKnownOnesArePresent() {
        FormFields f = fields("a", "1", "x", "2");
        assertEquals(Set.of("a"), f.known(Set.of("a", "b"), "is not a field"));
        assertEquals(List.of(new Problem.FieldError("x", "is not a field")), f.errors());
    }

    @Test
    void aSingleValueMayComeAsAListOfOneButNotOfTwo() {
        FormFields f = fields("a", List.of("v"), "b", List.of("1", "2"), "c", Boolean.TRUE, "d", null);
        assertEquals("v", f.single("a"));
        assertNull(f.single("b"));
        assertNull(f.single("c"));
        assertNull(f.single("d"));
        assertEquals(
                List.of(
                        new Problem.FieldError("b", "must be given once"),
                        new Problem.FieldError("c", "must be a string")),
                f.errors());
    }

    @Test
    void aStringIsStrippedAndNullIsNotOne() {
        FormFields f = fields("a", "  v ", "b", null);
        assertEquals("v", f.string("a"));
        assertNull(f.string("b"));
        assertEquals(List.of(new Problem.FieldError("b", "must be a string")), f.errors());
    }

    @Test
    void textsAreRequiredLimitedAndFreeOfControls() {
        FormFields f = fields("long", "abcd", "ctl", "a\u0001", "empty", " ", "ok", "a\nb");
        f.text("missing", 3, true);
        f.text("long", 3, false);
        f.text("ctl", 3, false);
        f.text("empty", 3, true);
        assertEquals("a\nb", f.text("ok", 3, false));
        assertEquals(
                List.of(
                        new Problem.FieldError("missing", "is required"),
                        new Problem.FieldError("long", "must be at most 3 characters"),
                        new Problem.FieldError("ctl", "must not contain control characters"),
                        new Problem.FieldError("empty", "must not be empty")),
                f.errors());
    }

    @Test
    void booleansEnumsAndWholeNumbers() {
        FormFields f =
                fields("b", "TRUE", "c", Boolean.FALSE, "d", "yes", "e", " pre ", "f", "x", "n", "12", "m", "1234567");
        assertEquals(Boolean.TRUE, f.bool("b"));
        assertEquals(Boolean.FALSE, f.bool("c"));
        assertNull(f.bool("d"));
        assertEquals("pre", f.oneOf("e", List.of("pre", "auto"), "bad"));
        assertNull(f.oneOf("f", List.of("pre", "auto"), "bad"));
        assertEquals(12L, f.wholeNumber("n", 100));
        assertNull(f.wholeNumber("m", 10_000_000));
        assertEquals(
                List.of(new Problem.FieldError("d", "must be true or false"), new Problem.FieldError("f", "bad")),
                f.errors());
    }

    @Test
    void tagsAreSplitStrippedAndDeduplicated() {
        FormFields f = fields("t", Arrays.asList("a, b", " a ,,c"));
        assertEquals(List.of("a", "b", "c"), f.tags("t", 60, 30));
        assertTrue(f.valid());
        FormFields tooMany = fields("t", "a,b,c");
        tooMany.tags("t", 60, 2);
        assertEquals(List.of(new Problem.FieldError("t", "at most 2 tags")), tooMany.errors());
        FormFields wrong = fields("t", List.of(1));
        assertEquals(List.of(), wrong.tags("t", 60, 2));
        assertEquals(List.of(new Problem.FieldError("t", "must be strings")), wrong.errors());
    }
}
