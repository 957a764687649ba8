package dev.newsfeed.impl.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.newsfeed.impl.dto.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteSettingsInputTest {

    @Test
    void takesEveryValidSetting() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "  Day newsfeed ");
        fields.put("timeZone", "Asia/Yerevan");
        fields.put("locale", "hy_AM");
        fields.put("firstDayOfWeek", "sunday");
        fields.put("reusePolicy", "Quote with a link.");
        fields.put("commentsOpenDays", "30");
        fields.put("moderation", "auto");
        SiteSettingsInput input = SiteSettingsInput.parse(fields).input();
        assertNotNull(input);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("jcr:title", "Day newsfeed");
        expected.put("timeZone", "Asia/Yerevan");
        expected.put("locale", "hy-AM");
        expected.put("firstDayOfWeek", "SUNDAY");
        expected.put("reusePolicy", "Quote with a link.");
        expected.put("commentsOpenDays", 30L);
        expected.put("moderation", "auto");
        assertEquals(expected, input.properties());
    }

    @Test
    void removesTheWeekStartAndNoticeWhenSentEmptyAndTakesJsonNumbers() {
        Map<String, Object> fields =
                Map.of("firstDayOfWeek", "", "reusePolicy", " ", "commentsOpenDays", IntNode.valueOf(0));
        Map<String, Object> expected = new HashMap<>();
        expected.put("firstDayOfWeek", null);
        expected.put("reusePolicy", null);
        expected.put("commentsOpenDays", 0L);
        assertEquals(expected, SiteSettingsInput.parse(fields).input().properties());
    }

    @ParameterizedTest
    @CsvSource({
        "timeZone, Mars/Olympus",
        "timeZone, +04:00",
        "timeZone, ''",
        "locale, ''",
        "locale, !!",
        "locale, toolongtoolong-toolongtoolong-toolong",
        "firstDayOfWeek, FUNDAY",
        "commentsOpenDays, -1",
        "commentsOpenDays, 1.5",
        "commentsOpenDays, 36501",
        "commentsOpenDays, 99999999999999999999",
        "moderation, post",
        "moderation, ''",
        "title, ''"
    })
    void namesTheBadField(String field, String value) {
        SiteSettingsInput.Parsed parsed = SiteSettingsInput.parse(Map.of(field, value));
        assertNull(parsed.input());
        assertEquals(
                List.of(field),
                parsed.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void refusesUnknownFieldsAndWrongTypes() {
        SiteSettingsInput.Parsed parsed = SiteSettingsInput.parse(
                Map.of("sling:resourceType", "x", "title", List.of("a", "b"), "moderation", Boolean.TRUE));
        assertNull(parsed.input());
        assertEquals(3, parsed.errors().size());
        assertTrue(parsed.errors().stream().anyMatch(e -> e.field().equals("sling:resourceType")));
    }

    @Test
    void offersTheIanaZones() {
        assertTrue(SiteSettingsInput.timeZones().contains("Asia/Yerevan"));
        assertTrue(SiteSettingsInput.timeZones().contains("UTC"));
    }
}
