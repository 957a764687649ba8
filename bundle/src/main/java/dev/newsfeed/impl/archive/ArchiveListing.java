package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.PN_PUBLISHED;
import static dev.newsfeed.impl.content.ContentModel.PN_UUID;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.paging.Cursor;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * Lists the published articles of a period newest first, by walking the archive from the cursor's day backwards:
 * the index says which days have articles, so a page reads the folders of the days it shows (and none before the
 * cursor), whatever page it is.
 */
public final class ArchiveListing {

    /**
     * The articles of a page, whether more follow, and when the index of the months read last changed (a deletion
     * there changes the page without a newer article).
     */
    public record Slice(List<Article> articles, boolean more, @Nullable Instant indexChanged) {}

    private ArchiveListing() {}

    /**
     * @param withBodies whether the articles' bodies are read (syndication shows them; list items do not)
     */
    public static Slice list(
            ResourceResolver resolver,
            SiteSettings site,
            ArchiveIndex index,
            Period period,
            @Nullable Cursor after,
            int limit,
            Instant now,
            boolean withBodies) {
        List<Article> page = new ArrayList<>(limit + 1);
        LocalDate startDay =
                after == null ? null : Dates.localDate(Instant.ofEpochMilli(after.publishedMillis()), site.zone());
        List<YearMonth> months = index.months();
        Instant indexChanged = null;
        for (int m = months.size() - 1; m >= 0 && page.size() <= limit; m--) {
            YearMonth month = months.get(m);
            if (!period.contains(month) || (startDay != null && month.isAfter(YearMonth.from(startDay)))) {
                continue;
            }
            MonthCounts counts = index.month(month);
            indexChanged = latest(latest(indexChanged, counts.updated()), counts.lastWentLive(now));
            for (int day = month.lengthOfMonth(); day >= 1 && page.size() <= limit; day--) {
                LocalDate date = month.atDay(day);
                if (!period.contains(date)
                        || (startDay != null && date.isAfter(startDay))
                        || counts.visible(day, now, site.zone()) == 0) {
                    continue;
                }
                page.addAll(dayArticles(resolver, site, date, after, now, limit + 1 - page.size(), withBodies));
            }
        }
        boolean more = page.size() > limit;
        return new Slice(more ? page.subList(0, limit) : page, more, indexChanged);
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** What sorting a day needs of an article: its publish time and id, read without the rest of the node. */
    private record Entry(long published, String id, Resource resource) {}

    /** Newest first; same publish time: greater id first. */
    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparingLong(Entry::published).reversed().thenComparing(Entry::id, Comparator.reverseOrder());

    private static List<Article> dayArticles(
            ResourceResolver resolver,
            SiteSettings site,
            LocalDate date,
            @Nullable Cursor after,
            Instant now,
            int wanted,
            boolean withBodies) {
        Resource folder = resolver.getResource(site.archivePath() + "/" + Dates.dayPath(date));
        if (folder == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Resource child : folder.getChildren()) {
            if (!child.isResourceType(RT_ARTICLE)) {
                continue;
            }
            ValueMap props = ContentNodes.properties(child); // a page article: its jcr:content
            Calendar value = props.get(PN_PUBLISHED, Calendar.class);
            if (value == null) {
                continue;
            }
            Instant published = value.toInstant();
            String id = Article.id(child.getPath(), props.get(PN_UUID, String.class));
            if (published.isAfter(now)
                    || !Dates.localDate(published, site.zone()).equals(date)
                    || (after != null && !after.isBefore(published.toEpochMilli(), id))) {
                continue;
            }
            entries.add(new Entry(published.toEpochMilli(), id, child));
        }
        entries.sort(NEWEST_FIRST);
        List<Article> articles = new ArrayList<>(Math.min(wanted, entries.size()));
        for (int i = 0; i < entries.size() && i < wanted; i++) {
            Resource resource = entries.get(i).resource();
            articles.add(withBodies ? Article.from(resource) : Article.summary(resource));
        }
        return articles;
    }

    /** The cursor that continues after an article. */
    public static Cursor cursorAfter(Article article) {
        return new Cursor(article.published().toEpochMilli(), article.id());
    }
}
