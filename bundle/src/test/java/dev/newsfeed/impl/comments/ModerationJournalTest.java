package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModerationJournalTest {

    private static final Instant CREATED = Instant.parse("2022-01-10T10:40:00Z");
    private static final Instant APPROVED = Instant.parse("2022-01-10T11:00:00Z");

    @TempDir
    Path dir;

    @Test
    void keepsAModerationWithWhoAndWhenBesideTheComment() throws Exception {
        CommentJournal journal = new CommentJournal(dir.resolve("comments.journal"));
        CommentRecord pending = record(CommentStatus.PENDING);
        journal.append(CommentJournal.Entry.of("/content/newsfeed/day", "dup", pending));
        journal.append(CommentJournal.Entry.moderation(
                "/content/newsfeed/day", CommentStatus.PENDING, record(CommentStatus.APPROVED), "moderator", APPROVED));
        List<CommentJournal.Entry> entries = journal.entries();
        assertEquals(2, entries.size());
        assertFalse(entries.get(0).isModeration());
        CommentJournal.Entry moderation = entries.get(1);
        assertTrue(moderation.isModeration());
        assertEquals("pending", moderation.moderatedFrom());
        assertEquals("approved", moderation.status());
        assertEquals("moderator", moderation.moderator());
        assertEquals(APPROVED.toEpochMilli(), (long) moderation.moderatedAt());
        assertEquals(null, moderation.email(), "a moderation entry holds no personal data");
        journal.close();
    }

    @Test
    void compactionKeepsAModerationWhileTheRepositoryLacksIt() throws Exception {
        CommentJournal journal = new CommentJournal(dir.resolve("comments.journal"));
        journal.append(CommentJournal.Entry.moderation(
                "/content/newsfeed/day", CommentStatus.PENDING, record(CommentStatus.APPROVED), "moderator", APPROVED));
        Instant muchLater = APPROVED.plusSeconds(3600);
        journal.compact(muchLater, e -> true);
        assertEquals(1, journal.entries().size(), "lacking: kept");
        journal.compact(muchLater, e -> false);
        assertEquals(0, journal.entries().size(), "in the repository and old: dropped");
        journal.close();
    }

    @Test
    void readsLinesWrittenBeforeModerationsWereJournaled() throws Exception {
        Path file = dir.resolve("old.journal");
        Files.writeString(
                file,
                "{\"site\":\"/content/newsfeed/day\",\"duplicate\":\"d\",\"id\":\"20220110-104000000-aaaa\","
                        + "\"status\":\"pending\",\"articleId\":\"a\",\"articlePath\":\"/p\",\"articleTitle\":\"t\",\"author\":\"x\","
                        + "\"email\":\"x@example.am\",\"url\":null,\"text\":\"hi\",\"html\":\"<p>hi</p>\",\"parent\":null,\"depth\":0,"
                        + "\"created\":1641811200000,\"clientHash\":\"h\",\"reason\":null}\n");
        CommentJournal journal = new CommentJournal(file);
        List<CommentJournal.Entry> entries = journal.entries();
        assertEquals(1, entries.size());
        assertFalse(entries.get(0).isModeration());
        journal.close();
    }

    private static CommentRecord record(CommentStatus status) {
        return new CommentRecord(
                "20220110-104000000-aaaaaaaa",
                status,
                "article-id",
                "/content/newsfeed/day/a",
                "Title",
                "Anna",
                "anna@example.am",
                null,
                "Text",
                "<p>Text</p>",
                null,
                0,
                CREATED,
                "hash",
                null);
    }
}
