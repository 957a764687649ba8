package dev.newsfeed.impl.comments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * The comments of one status, newest first: a walk of that status's year/month/day folders from the newest,
 * starting at the day of the cursor (ids sort by time), so every page reads only the folders it shows.
 */
public final class ModerationQueue {

    /** A page of records and whether more follow. */
    public record Slice(List<CommentRecord> records, boolean more) {}

    private ModerationQueue() {}

    /**
     * The page after the comment {@code after} (null: from the newest).
     *
     * @throws IllegalArgumentException when {@code after} is not a comment id
     */
    public static Slice list(
            ResourceResolver resolver, SiteSettings site, CommentStatus status, @Nullable String after, int limit) {
        if (after != null && CommentIds.day(after) == null) {
            throw new IllegalArgumentException("not a comment id");
        }
        List<CommentRecord> page = new ArrayList<>(limit + 1);
        Resource root = resolver.getResource(CommentStore.privateRoot(site) + "/" + status.key());
        if (root == null) {
            return new Slice(page, false);
        }
        String afterDay = after == null ? null : after.substring(0, 8);
        for (Resource year : descending(root)) {
            if (afterDay != null && year.getName().compareTo(afterDay.substring(0, 4)) > 0) {
                continue;
            }
            for (Resource month : descending(year)) {
                String ym = year.getName() + month.getName();
                if (afterDay != null && ym.compareTo(afterDay.substring(0, 6)) > 0) {
                    continue;
                }
                for (Resource day : descending(month)) {
                    if (afterDay != null && (ym + day.getName()).compareTo(afterDay) > 0) {
                        continue;
                    }
                    for (Resource comment : descending(day)) {
                        if (after != null && comment.getName().compareTo(after) >= 0) {
                            continue;
                        }
                        page.add(CommentRecord.from(comment));
                        if (page.size() > limit) {
                            return new Slice(page.subList(0, limit), true);
                        }
                    }
                }
            }
        }
        return new Slice(page, false);
    }

    private static List<Resource> descending(Resource parent) {
        List<Resource> children = new ArrayList<>();
        parent.getChildren().forEach(children::add);
        children.sort(Comparator.comparing(Resource::getName).reversed());
        return children;
    }
}
