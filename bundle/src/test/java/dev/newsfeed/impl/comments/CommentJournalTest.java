package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentJournalTest {

    private static final Instant T0 = Instant.parse("2022-01-10T10:40:00Z");

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void isOwnerOnlyFromTheFirstAppend() throws Exception {
        Path file = tmp.resolve("newsfeed/comments.journal");
        CommentJournal journal = new CommentJournal(file);
        journal.append(entry("20220110-104000000-aaaaaaaa", T0));
        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
        journal.close();
    }

    @Test
    void staysOwnerOnlyAfterCompaction() throws Exception {
        Path file = tmp.resolve("newsfeed/comments.journal");
        CommentJournal journal = new CommentJournal(file);
        journal.append(entry("20220110-104000000-aaaaaaaa", T0));
        journal.append(entry("20220110-104500000-bbbbbbbb", T0.plusSeconds(300)));
        // a temporary file left by a crash, readable by everyone, must not be reused with its permissions
        Files.writeString(file.resolveSibling("comments.journal.tmp"), "stale\n");
        Files.setPosixFilePermissions(
                file.resolveSibling("comments.journal.tmp"), PosixFilePermissions.fromString("rw-r--r--"));

        journal.compact(T0.plusSeconds(300), e -> false);

        assertEquals(
                List.of("20220110-104500000-bbbbbbbb"),
                journal.entries().stream().map(e -> e.id()).toList());
        assertEquals("rw-------", permissions(file));
        journal.append(entry("20220110-105000000-cccccccc", T0.plusSeconds(600)));
        assertEquals("rw-------", permissions(file));
        assertEquals(2, journal.entries().size());
        assertEquals(false, Files.exists(file.resolveSibling("comments.journal.tmp")));
        journal.close();
    }

    @Test
    void replacesAJournalThatAnEarlierVersionLeftReadable() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("newsfeed"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("comments.journal");
        CommentJournal first = new CommentJournal(file);
        first.append(entry("20220110-104000000-aaaaaaaa", T0));
        first.close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CommentJournal journal = new CommentJournal(file);

        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(dir));
        assertEquals(1, journal.entries().size());
        journal.close();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static CommentJournal.Entry entry(String id, Instant created) {
        return new CommentJournal.Entry(
                "/content/newsfeed/day",
                "dup-" + id,
                id,
                "pending",
                "a1",
                "/content/newsfeed/day/articles/2022/01/10/a",
                "A",
                "Reader",
                "reader@example.org",
                null,
                "Hello",
                "<p>Hello</p>",
                null,
                0,
                created.toEpochMilli(),
                null,
                null,
                null,
                null,
                null);
    }
}
