package dev.newsfeed.impl.comments;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.dto.CommentDocument;
import dev.newsfeed.impl.paging.Cursor;
import org.jetbrains.annotations.Nullable;

/**
 * Turns the approved comments of an article into threads: top-level comments newest first (paged by cursor), each
 * with its replies nested oldest first. A reply whose parent is no longer approved is shown at the top level.
 */
public final class Threads {

    static final Comparator<CommentStore.Published> OLDEST_FIRST = Comparator.comparing(
                    (CommentStore.Published c) -> c.published().toEpochMilli())
            .thenComparing(CommentStore.Published::id);

    /** A page of threads and the last top-level comment shown when more follow. */
    public record Page(List<CommentDocument> items, @Nullable Cursor next) {}

    private Threads() {}

    public static Page page(List<CommentStore.Published> comments, @Nullable Cursor after, int limit, ZoneId zone) {
        Map<String, CommentStore.Published> byId = new HashMap<>();
        comments.forEach(c -> byId.put(c.id(), c));
        Map<String, List<CommentStore.Published>> replies = new HashMap<>();
        List<CommentStore.Published> top = new ArrayList<>();
        for (CommentStore.Published c : comments) {
            if (c.parent() != null && byId.containsKey(c.parent())) {
                replies.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c);
            } else {
                top.add(c);
            }
        }
        top.sort(OLDEST_FIRST.reversed());
        List<CommentDocument> items = new ArrayList<>(Math.min(limit, top.size()));
        CommentStore.Published last = null;
        boolean more = false;
        for (CommentStore.Published c : top) {
            if (after != null && !after.isBefore(c.published().toEpochMilli(), c.id())) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(document(c, replies, zone, 0));
            last = c;
        }
        return new Page(items, more ? new Cursor(last.published().toEpochMilli(), last.id()) : null);
    }

    private static CommentDocument document(
            CommentStore.Published c, Map<String, List<CommentStore.Published>> replies, ZoneId zone, int depth) {
        List<CommentDocument> children = new ArrayList<>();
        if (depth < 16) {
            List<CommentStore.Published> direct = new ArrayList<>(replies.getOrDefault(c.id(), List.of()));
            direct.sort(OLDEST_FIRST);
            for (CommentStore.Published r : direct) {
                children.add(document(r, replies, zone, depth + 1));
            }
        }
        return new CommentDocument(c.id(), c.author(), c.url(), Dates.format(c.published(), zone), c.html(), children);
    }
}
