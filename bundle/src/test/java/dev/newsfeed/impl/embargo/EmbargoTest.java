package dev.newsfeed.impl.embargo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EmbargoTest {

    private static final long NOW = Instant.parse("2022-01-10T10:40:00Z").toEpochMilli();

    @Test
    void aDraftIsEmbargoed() {
        assertTrue(Embargo.embargoed(null, NOW));
        assertTrue(Embargo.embargoed("", NOW));
    }

    @Test
    void aScheduledArticleIsEmbargoedUntilItsInstantInAnyOffset() {
        assertTrue(Embargo.embargoed("2022-01-10T14:40:00.001+04:00", NOW));
        assertFalse(Embargo.embargoed("2022-01-10T14:40:00.000+04:00", NOW));
        assertFalse(Embargo.embargoed("2022-01-10T10:39:59.999Z", NOW));
        assertTrue(Embargo.embargoed("2099-01-01T00:00:00.000Z", NOW));
    }

    @Test
    void aDateThatCannotBeReadKeepsTheArticleEmbargoed() {
        assertTrue(Embargo.embargoed("tomorrow", NOW));
        assertTrue(Embargo.embargoed("2022-01-10", NOW));
    }
}
