package dev.newsfeed.impl.comments;

import static dev.newsfeed.impl.comments.CommentStore.PN_ARTICLE_ID;
import static dev.newsfeed.impl.comments.CommentStore.PN_ARTICLE_PATH;
import static dev.newsfeed.impl.comments.CommentStore.PN_ARTICLE_TITLE;
import static dev.newsfeed.impl.comments.CommentStore.PN_AUTHOR;
import static dev.newsfeed.impl.comments.CommentStore.PN_CLIENT;
import static dev.newsfeed.impl.comments.CommentStore.PN_CREATED;
import static dev.newsfeed.impl.comments.CommentStore.PN_DEPTH;
import static dev.newsfeed.impl.comments.CommentStore.PN_EMAIL;
import static dev.newsfeed.impl.comments.CommentStore.PN_HTML;
import static dev.newsfeed.impl.comments.CommentStore.PN_PARENT;
import static dev.newsfeed.impl.comments.CommentStore.PN_REASON;
import static dev.newsfeed.impl.comments.CommentStore.PN_TEXT;
import static dev.newsfeed.impl.comments.CommentStore.PN_URL;

import java.time.Instant;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;

import dev.newsfeed.impl.content.Dates;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/** A comment as stored privately (with email, client hash and original text), and its node's properties. */
public record CommentRecord(
        String id,
        CommentStatus status,
        String articleId,
        String articlePath,
        String articleTitle,
        String author,
        String email,
        @Nullable String url,
        String text,
        String html,
        @Nullable String parent,
        long depth,
        Instant created,
        String clientHash,
        @Nullable String reason) {

    static CommentRecord from(Resource resource) {
        ValueMap p = resource.getValueMap();
        return new CommentRecord(
                resource.getName(),
                CommentStore.status(resource),
                p.get(PN_ARTICLE_ID, ""),
                p.get(PN_ARTICLE_PATH, ""),
                p.get(PN_ARTICLE_TITLE, ""),
                p.get(PN_AUTHOR, ""),
                p.get(PN_EMAIL, ""),
                p.get(PN_URL, String.class),
                p.get(PN_TEXT, ""),
                html(p),
                p.get(PN_PARENT, String.class),
                p.get(PN_DEPTH, 0L),
                p.get(PN_CREATED, Calendar.class).toInstant(),
                p.get(PN_CLIENT, ""),
                p.get(PN_REASON, String.class));
    }

    /** The HTML of the text: rendered again from the text, or as older versions stored it. */
    private static String html(ValueMap p) {
        String stored = p.get(PN_HTML, String.class);
        return stored != null ? stored : CommentText.toHtml(p.get(PN_TEXT, ""));
    }

    /**
     * The properties of its private node (the optional ones only when set), starting from {@code node}. Neither the
     * status (its folder says it) nor the HTML (rendered from the text) is stored: each property is work in the commit
     * and in the full-text index.
     */
    Map<String, Object> properties(Map<String, Object> node) {
        Map<String, Object> p = new HashMap<>(node);
        p.put(PN_ARTICLE_ID, articleId);
        p.put(PN_ARTICLE_PATH, articlePath);
        p.put(PN_ARTICLE_TITLE, articleTitle);
        p.put(PN_AUTHOR, author);
        p.put(PN_EMAIL, email);
        putIfSet(p, PN_URL, url);
        p.put(PN_TEXT, text);
        putIfSet(p, PN_PARENT, parent);
        p.put(PN_DEPTH, depth);
        p.put(PN_CREATED, Dates.calendar(created));
        p.put(PN_CLIENT, clientHash);
        putIfSet(p, PN_REASON, reason);
        return p;
    }

    private static void putIfSet(Map<String, Object> properties, String name, @Nullable Object value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
