package dev.newsfeed.impl.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArticleInputTest {

    private static final ZoneId YEREVAN = ZoneId.of("Asia/Yerevan");

    @Test
    void readsAFullArticle() {
        ArticleInput in = valid(Map.of(
                "title",
                " Night session ",
                "lead",
                "Lead",
                "body",
                "<p>x</p>",
                "published",
                "2022-02-01T00:30",
                "tags",
                List.of("politics", "budget, night"),
                "commentsOpen",
                false));
        assertEquals("Night session", in.title());
        assertEquals(Instant.parse("2022-01-31T20:30:00Z"), in.published());
        assertEquals(List.of("politics", "budget", "night"), in.tags());
        assertEquals(Boolean.FALSE, in.commentsOpen());
    }

    @Test
    void acceptsPublishDatesWithAnOffsetOrInTheSiteZone() {
        assertEquals(
                Instant.parse("2022-01-10T10:40:00Z"),
                valid(Map.of("title", "t", "published", "2022-01-10T14:40:00+04:00"))
                        .published());
        assertEquals(
                Instant.parse("2022-01-10T10:40:00Z"),
                valid(Map.of("title", "t", "published", "2022-01-10T14:40")).published());
        assertEquals(
                Instant.parse("2022-01-10T14:40:00Z"),
                valid(Map.of("title", "t", "published", "2022-01-10T14:40Z")).published());
        ArticleInput draft = valid(Map.of("title", "t", "published", ""));
        assertTrue(draft.has("published"));
        assertNull(draft.published());
    }

    @Test
    void namesEveryBadField() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "");
        fields.put("published", "yesterday");
        fields.put("tags", List.of("x".repeat(61)));
        fields.put("commentsOpen", "maybe");
        fields.put("slug", "Not A Slug");
        fields.put("sling:resourceType", "evil");
        var parsed = ArticleInput.parse(fields, true, YEREVAN);
        assertNull(parsed.input());
        assertEquals(
                List.of("commentsOpen", "published", "sling:resourceType", "slug", "tags", "title"),
                parsed.errors().stream().map(e -> e.field()).sorted().toList());
    }

    @Test
    void requiresATitleOnlyWhenCreating() {
        assertNull(ArticleInput.parse(Map.of("lead", "x"), true, YEREVAN).input());
        assertNotNull(ArticleInput.parse(Map.of("lead", "x"), false, YEREVAN).input());
        assertNull(ArticleInput.parse(Map.of("slug", "x"), false, YEREVAN).input());
    }

    @Test
    void refusesOverlongAndControlCharacters() {
        assertNull(ArticleInput.parse(Map.of("title", "x".repeat(301)), true, YEREVAN)
                .input());
        assertNull(
                ArticleInput.parse(Map.of("title", "a\u0000b"), true, YEREVAN).input());
        assertNull(ArticleInput.parse(Map.of("title", 42), true, YEREVAN).input());
        assertNull(ArticleInput.parse(Map.of("title", List.of("a", "b")), true, YEREVAN)
                .input());
    }

    @Test
    void makesSlugsFromTitles() {
        assertEquals(
                "artsakh-president-on-the-events-in-kazakhstan",
                ArticleInput.slugify("Artsakh President on the events in Kazakhstan"));
        assertEquals("cafe-creme-brulee", ArticleInput.slugify("Café crème brûlée!"));
        assertEquals("article", ArticleInput.slugify("Արցախի նախագահը"));
        String longSlug = ArticleInput.slugify("word ".repeat(40));
        assertTrue(longSlug.length() <= 80 && !longSlug.endsWith("-"), longSlug);
    }

    private static ArticleInput valid(Map<String, Object> fields) {
        var parsed = ArticleInput.parse(fields, true, YEREVAN);
        assertEquals(List.of(), parsed.errors());
        return parsed.input();
    }
}
