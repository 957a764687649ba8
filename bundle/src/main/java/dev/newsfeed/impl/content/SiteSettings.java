package dev.newsfeed.impl.content;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.newsfeed.impl.logging.LogText;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ValueMap;
import org.apache.sling.api.wrappers.ValueMapDecorator;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of one site, read from its node. Content errors (an unknown zone id, a bad day name)
 * fall back to the documented defaults and are logged: a reader's request never fails because of them.
 */
public record SiteSettings(
        String path,
        String title,
        ZoneId zone,
        Locale locale,
        DayOfWeek firstDayOfWeek,
        String reusePolicy,
        long commentsOpenDays,
        String moderation,
        @Nullable Instant modified) {

    private static final Logger log = LoggerFactory.getLogger(SiteSettings.class);

    public static final String DEFAULT_MODERATION = "pre";

    public static @NotNull SiteSettings from(@NotNull Resource site) {
        // one pass over the node's properties: each of the nine look-ups of the JCR value map resolved namespace
        // prefixes or asked the repository for an absent property (together a third of an article request)
        // an AEM page site keeps its settings on jcr:content (docs/aem.md)
        Resource page = ContentNodes.canonical(site);
        Resource content = ContentNodes.content(page);
        ValueMap props = new ValueMapDecorator(new HashMap<>(content.getValueMap()));
        String path = page.getPath();
        ZoneId zone = zone(path, props.get(PN_TIME_ZONE, String.class));
        Locale locale = locale(props.get(PN_LOCALE, String.class));
        DayOfWeek firstDay = firstDayOfWeek(path, props.get(PN_FIRST_DAY_OF_WEEK, String.class), locale);
        Calendar modified = props.get(PN_LAST_MODIFIED, Calendar.class);
        if (modified == null && content != page) {
            modified = props.get(ContentNodes.PN_PAGE_LAST_MODIFIED, Calendar.class);
        }
        if (modified == null) {
            modified = props.get(PN_CREATED, Calendar.class);
        }
        return new SiteSettings(
                path,
                props.get(PN_TITLE, page.getName()),
                zone,
                locale,
                firstDay,
                props.get(PN_REUSE_POLICY, String.class),
                Math.max(0L, props.get(PN_COMMENTS_OPEN_DAYS, 0L)),
                props.get(PN_MODERATION, DEFAULT_MODERATION),
                modified == null ? null : modified.toInstant());
    }

    /** The site a resource belongs to: the resource itself or its nearest ancestor of type {@code newsfeed/site}. */
    public static Optional<Resource> siteOf(@Nullable Resource resource) {
        if (resource == null) {
            return Optional.empty();
        }
        // an article, archive folder or draft names its site in its path: one look-up instead of one per ancestor
        // (each costs a resolution and an access check; the walk was a third of an article request)
        Resource site = siteByPath(resource);
        if (site != null) {
            return Optional.of(site);
        }
        for (Resource r = resource; r != null; r = r.getParent()) {
            String type = r.getResourceType();
            if (RT_SITE.equals(type)) {
                return Optional.of(r);
            }
            // our own types are never sites: skip isResourceType's super-type lookup
            if (RT_ARTICLE.equals(type) || RT_ARCHIVE.equals(type) || RT_COMMENT.equals(type)) {
                continue;
            }
            if (r.isResourceType(RT_SITE)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Every site: the children of {@value ContentModel#CONTENT_ROOT} of the site type, as the resolver sees them. */
    public static List<SiteSettings> all(ResourceResolver resolver) {
        List<SiteSettings> sites = new ArrayList<>();
        Resource root = resolver.getResource(CONTENT_ROOT);
        if (root != null) {
            for (Resource child : root.getChildren()) {
                if (child.isResourceType(RT_SITE)) {
                    sites.add(from(child));
                }
            }
        }
        return sites;
    }

    /**
     * The site of a resource at or below {@code {site}/articles} or {@code {site}/drafts}, found from the nearest such
     * segment of its path, or null (then the caller walks the ancestors).
     */
    private static @Nullable Resource siteByPath(Resource resource) {
        if (RT_SITE.equals(resource.getResourceType())) {
            return resource;
        }
        String path = resource.getPath();
        int cut = Math.max(segmentStart(path, NN_ARTICLES), segmentStart(path, NN_DRAFTS));
        if (cut <= 0) {
            return null;
        }
        Resource candidate = resource.getResourceResolver().getResource(path.substring(0, cut));
        return candidate != null && (RT_SITE.equals(candidate.getResourceType()) || candidate.isResourceType(RT_SITE))
                ? candidate
                : null;
    }

    /** Where the last path segment named {@code name} starts (at its slash), or -1. */
    static int segmentStart(String path, String name) {
        String segment = "/" + name;
        for (int i = path.lastIndexOf(segment); i > 0; i = path.lastIndexOf(segment, i - 1)) {
            int end = i + segment.length();
            if (end == path.length() || path.charAt(end) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Path of the archive root ({@code {site}/articles}). */
    public String archivePath() {
        return path + "/" + NN_ARTICLES;
    }

    static ZoneId zone(String path, @Nullable String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            log.warn("Site {} has an unknown timeZone '{}', using UTC", path, LogText.escape(id));
            return ZoneOffset.UTC;
        }
    }

    static Locale locale(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        return Locale.forLanguageTag(tag.trim().replace('_', '-'));
    }

    static DayOfWeek firstDayOfWeek(String path, @Nullable String name, Locale locale) {
        if (name != null && !name.isBlank()) {
            try {
                return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                log.warn("Site {} has an unknown firstDayOfWeek '{}', using the locale's", path, LogText.escape(name));
            }
        }
        // a bare language ("en", "hy") has no region, and the week start is a regional convention:
        // fall back to the region most associated with the language where Java knows one
        Locale withRegion = locale.getCountry().isEmpty()
                ? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultRegion(locale))
                : locale;
        return WeekFields.of(withRegion).getFirstDayOfWeek();
    }

    private static String defaultRegion(Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> "US";
            case "hy" -> "AM";
            case "ru" -> "RU";
            case "de" -> "DE";
            case "fr" -> "FR";
            case "ka" -> "GE";
            case "ar" -> "EG";
            case "fa" -> "IR";
            case "he" -> "IL";
            case "ja" -> "JP";
            case "zh" -> "CN";
            case "pt" -> "BR";
            case "es" -> "ES";
            default -> "001";
        };
    }
}
