package dev.newsfeed.impl.content;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ValueMap;
import org.apache.sling.api.wrappers.ValueMapDecorator;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/** The properties of one article node, typed. */
public record Article(
        String id,
        String path,
        String title,
        @Nullable String lead,
        @Nullable String body,
        @Nullable String author,
        @Nullable Instant published,
        @Nullable Instant modified,
        List<String> tags,
        boolean commentsOpen) {

    public static @NotNull Article from(@NotNull Resource resource) {
        return from(resource, true);
    }

    /** The article without reading its body (null), for list items, which never show it. */
    public static @NotNull Article summary(@NotNull Resource resource) {
        return from(resource, false);
    }

    private static @NotNull Article from(@NotNull Resource resource, boolean withBody) {
        // the whole article is read anyway: one pass over its properties is cheaper than a dozen look-ups, which
        // each resolve namespace prefixes or ask for an absent property; a list item skips the body instead
        // an AEM page article (docs/aem.md) keeps its properties and id on jcr:content, its path is the page's
        Resource article = ContentNodes.canonical(resource);
        Resource content = ContentNodes.content(article);
        ValueMap props = withBody ? new ValueMapDecorator(new HashMap<>(content.getValueMap())) : content.getValueMap();
        Instant published = instant(props.get(PN_PUBLISHED, Calendar.class));
        Instant modified = instant(props.get(PN_LAST_MODIFIED, Calendar.class));
        if (modified == null && content != article) {
            modified = instant(props.get(ContentNodes.PN_PAGE_LAST_MODIFIED, Calendar.class));
        }
        if (modified == null) {
            modified = instant(props.get(PN_CREATED, Calendar.class));
        }
        String[] tags = props.get(PN_TAGS, String[].class);
        return new Article(
                // a page article's id is its jcr:content's: the node its fields, the index and the feed's order use
                id(article.getPath(), props.get(PN_UUID, String.class)),
                article.getPath(),
                props.get(PN_TITLE, article.getName()),
                props.get(PN_LEAD, String.class),
                withBody ? props.get(PN_BODY, String.class) : null,
                props.get(PN_AUTHOR, String.class),
                published,
                modified,
                tags == null
                        ? List.of()
                        : Arrays.stream(tags)
                                .filter(t -> t != null && !t.isBlank())
                                .toList(),
                props.get(PN_COMMENTS_OPEN, Boolean.TRUE));
    }

    public PublicationStatus state(Instant now) {
        return PublicationStatus.of(published, now);
    }

    /**
     * When the article last changed for readers: its last modification, or its publish date when it was
     * modified earlier than that (or never).
     */
    public @Nullable Instant lastChanged() {
        if (modified == null) {
            return published;
        }
        return published != null && published.isAfter(modified) ? published : modified;
    }

    /** The jcr:uuid, or for an article without mix:referenceable a name-based UUID of its path. */
    public static String id(String path, @Nullable String uuid) {
        if (uuid != null && !uuid.isBlank()) {
            return uuid;
        }
        return UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static @Nullable Instant instant(@Nullable Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }
}
