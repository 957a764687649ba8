package dev.newsfeed.impl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteSettingsTest {

    @Test
    void fallsBackToUtcForAnUnknownOrMissingZone() {
        assertEquals(ZoneOffset.UTC, SiteSettings.zone("/s", "Mars/Olympus_Mons"));
        assertEquals(ZoneOffset.UTC, SiteSettings.zone("/s", null));
        assertEquals("Asia/Yerevan", SiteSettings.zone("/s", " Asia/Yerevan ").getId());
    }

    @ParameterizedTest
    @CsvSource({
        "MONDAY, en, MONDAY",
        "sunday, hy, SUNDAY",
        ", en, SUNDAY",
        ", en-GB, MONDAY",
        ", hy, MONDAY",
        ", ru, MONDAY",
        ", de, MONDAY",
        ", ar, SATURDAY",
        "Funday, en-US, SUNDAY",
    })
    void takesTheFirstDayOfWeekFromTheSiteOrItsLocale(String configured, String locale, DayOfWeek expected) {
        assertEquals(expected, SiteSettings.firstDayOfWeek("/s", configured, SiteSettings.locale(locale)));
    }

    @Test
    void readsLocaleTagsWithUnderscores() {
        assertEquals(Locale.forLanguageTag("en-GB"), SiteSettings.locale("en_GB"));
        assertEquals(Locale.ENGLISH, SiteSettings.locale(" "));
    }
}
