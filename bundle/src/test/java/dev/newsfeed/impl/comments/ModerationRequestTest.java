package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.dto.Problem;
import org.junit.jupiter.api.Test;

/** A moderator's request: ids repeated or comma-separated, one action, nothing else. */
class ModerationRequestTest {

    private static final String ID = "20220110-104000123-k3j9x2qa";
    private static final String OTHER = "20220110-104000124-aaaaaaaa";

    @Test
    void readsRepeatedAndCommaSeparatedIds() {
        ModerationRequest request = ModerationRequest.parse(
                        Map.of("id", List.of(ID + ", " + OTHER, ID), "action", "approve"))
                .request();
        assertEquals(List.of(ID, OTHER, ID), request.ids());
        assertEquals(CommentStatus.APPROVED, request.target());
    }

    @Test
    void namesEveryWrongField() {
        ModerationRequest.Parsed parsed =
                ModerationRequest.parse(Map.of("id", "../x", "action", "approved", "status", "spam"));
        assertNull(parsed.request());
        assertEquals(
                List.of(
                        new Problem.FieldError("id", "one to 100 comment ids"),
                        new Problem.FieldError("action", "must be approve, spam, trash or pending"),
                        new Problem.FieldError("status", "is not a field of a moderation request")),
                parsed.errors());
    }

    @Test
    void takesOneToAHundredIds() {
        assertEquals(
                List.of(new Problem.FieldError("id", "one to 100 comment ids")),
                ModerationRequest.parse(Map.of("action", "spam")).errors());
        assertEquals(
                List.of(new Problem.FieldError("id", "one to 100 comment ids")),
                ModerationRequest.parse(Map.of("id", Collections.nCopies(101, ID), "action", "spam"))
                        .errors());
        assertEquals(
                100,
                ModerationRequest.parse(Map.of("id", Collections.nCopies(100, ID), "action", "trash"))
                        .request()
                        .ids()
                        .size());
    }
}
