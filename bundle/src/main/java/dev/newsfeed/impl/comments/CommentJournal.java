package dev.newsfeed.impl.comments;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead journal of accepted comments on the instance's disk: each is appended and forced to disk before the
 * reader gets 202. Oak's TarMK persists its head revision only every few seconds, so a JVM killed right after a
 * commit could lose it; on start the journal puts back every comment the repository does not have. Entries older than
 * {@link #KEEP_SECONDS} that the repository has are dropped when the journal is compacted. The file holds emails, so
 * only the owner may read it, for its whole life: its directory is rwx------ and every file (the journal, the
 * compaction's temporary file) is created rw------- (never made private after the fact).
 */
public final class CommentJournal {

    static final long KEEP_SECONDS = 120;
    private static final Logger log = LoggerFactory.getLogger(CommentJournal.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /**
     * One journaled event, in plain JSON types: a new comment (the site it belongs to, its duplicate hash and the
     * record), or a moderation of one ({@code moderatedFrom} the status it had, {@code status} the one it got, by
     * {@code moderator} at {@code moderatedAt}). Lines written before moderations were journaled read as comments.
     */
    public record Entry(
            String site,
            String duplicate,
            String id,
            String status,
            String articleId,
            String articlePath,
            String articleTitle,
            String author,
            String email,
            String url,
            String text,
            String html,
            String parent,
            long depth,
            long created,
            String clientHash,
            String reason,
            String moderatedFrom,
            String moderator,
            Long moderatedAt) {

        public static Entry of(String site, String duplicate, CommentRecord r) {
            return new Entry(
                    site,
                    duplicate,
                    r.id(),
                    r.status().key(),
                    r.articleId(),
                    r.articlePath(),
                    r.articleTitle(),
                    r.author(),
                    r.email(),
                    r.url(),
                    r.text(),
                    r.html(),
                    r.parent(),
                    r.depth(),
                    r.created().toEpochMilli(),
                    r.clientHash(),
                    r.reason(),
                    null,
                    null,
                    null);
        }

        /** A moderation: the comment {@code after} it, which had status {@code from} before. */
        public static Entry moderation(
                String site, CommentStatus from, CommentRecord after, String moderator, Instant at) {
            return new Entry(
                    site,
                    null,
                    after.id(),
                    after.status().key(),
                    after.articleId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    after.created().toEpochMilli(),
                    null,
                    null,
                    from.key(),
                    moderator,
                    at.toEpochMilli());
        }

        public boolean isModeration() {
            return moderatedFrom != null && moderatedAt != null;
        }

        public CommentRecord record() {
            return new CommentRecord(
                    id,
                    CommentStatus.of(status),
                    articleId,
                    articlePath,
                    articleTitle,
                    author,
                    email,
                    url,
                    text,
                    html,
                    parent,
                    depth,
                    Instant.ofEpochMilli(created),
                    clientHash,
                    reason);
        }
    }

    private final Path file;
    private FileChannel channel;

    public CommentJournal(Path file) throws IOException {
        this.file = file;
        createPrivateDirectory(file.getParent());
        if (Files.exists(file) && !ownerOnly(file)) {
            // written by a version that compacted with default permissions: replace it by an owner-only copy
            log.warn("The comment journal {} was readable by others; replacing it by an owner-only copy", file);
            replace(Files.readAllBytes(file));
        }
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                ownerOnlyFile(file));
    }

    /**
     * Appends an entry and forces it to disk. The write is serialized; the force is not, so concurrent submissions
     * share the disk flushes (group commit) instead of queueing one fsync each.
     */
    public void append(Entry entry) throws IOException {
        appendAll(List.of(entry));
    }

    /** Appends entries and forces them to disk with one flush; nothing to do for none. */
    public void appendAll(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Entry entry : entries) {
            lines.append(Json.MAPPER.writeValueAsString(entry)).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        FileChannel target;
        synchronized (this) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            target = channel;
        }
        try {
            target.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // compacted meanwhile: the entry was copied into the new file, which was written and moved atomically
            synchronized (this) {
                channel.force(false);
            }
        }
    }

    /** Every readable entry (a torn last line after a crash is skipped). */
    public synchronized List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    entries.add(Json.MAPPER.treeToValue(node, Entry.class));
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("Skipping an unreadable line of the comment journal {}", file);
                }
            }
        }
        return entries;
    }

    /** Keeps only the entries that are recent or whose effect {@code missing} says the repository lacks. */
    public synchronized void compact(Instant now, Predicate<Entry> missing) throws IOException {
        List<Entry> keep = new ArrayList<>();
        for (Entry e : entries()) {
            long at = e.isModeration() ? e.moderatedAt() : e.created();
            if (Instant.ofEpochMilli(at).isAfter(now.minusSeconds(KEEP_SECONDS)) || missing.test(e)) {
                keep.add(e);
            }
        }
        StringBuilder text = new StringBuilder();
        for (Entry e : keep) {
            text.append(Json.MAPPER.writeValueAsString(e)).append('\n');
        }
        channel.force(false);
        channel.close();
        replace(text.toString().getBytes(StandardCharsets.UTF_8));
        open();
    }

    /**
     * Atomically replaces the journal by {@code content}: written to a fresh temporary file that is owner-only from
     * its creation (a leftover of a crash is deleted first, never reused with its permissions), forced, then moved.
     */
    private void replace(byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel out = FileChannel.open(
                tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnlyFile(tmp))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** rw------- at creation where the file system has POSIX permissions; nothing elsewhere. */
    private static FileAttribute<?>[] ownerOnlyFile(Path path) {
        return posix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** Creates the journal's directory rwx------ (and tightens it if an earlier version made it wider). */
    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (posix(parent != null ? parent : dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
        } else if (posix(dir) && !Files.getPosixFilePermissions(dir).equals(OWNER_DIRECTORY)) {
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        }
    }

    private static boolean ownerOnly(Path path) throws IOException {
        return !posix(path) || OWNER_FILE.containsAll(Files.getPosixFilePermissions(path));
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public synchronized void close() throws IOException {
        channel.close();
    }
}
