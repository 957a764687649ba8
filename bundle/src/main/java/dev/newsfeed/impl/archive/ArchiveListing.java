package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.paging.Cursor;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * Lists the published articles of a period newest first, by walking the archive from the cursor's day backwards:
 * the index says which days have articles and keeps each day's order ({@link DayOrder}), so a page reads the
 * articles it shows (and none before the cursor), whatever page it is and however many articles a day has. A day
 * whose order is missing or behind is read from its folder and sorted, as before the order was kept.
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
                long visible = counts.visible(day, now, site.zone());
                if (!period.contains(date) || (startDay != null && date.isAfter(startDay)) || visible == 0) {
                    continue;
                }
                Day read = new Day(resolver, site, date, after, now, withBodies);
                List<Article> articles = read.inOrder(index.day(date), visible, limit + 1 - page.size());
                page.addAll(articles != null ? articles : read.sorted(limit + 1 - page.size()));
            }
        }
        boolean more = page.size() > limit;
        return new Slice(more ? page.subList(0, limit) : page, more, indexChanged);
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** An article of a day folder as sorting needs it, and its resource. */
    private record Entry(DayOrder.Item item, Resource resource) {}

    /** One day of a page: the articles it contributes, after the cursor and live at {@code now}. */
    private record Day(
            ResourceResolver resolver,
            SiteSettings site,
            LocalDate date,
            @Nullable Cursor after,
            Instant now,
            boolean withBodies) {

        String folder() {
            return site.archivePath() + "/" + Dates.dayPath(date);
        }

        Article read(Resource resource) {
            return withBodies ? Article.from(resource) : Article.summary(resource);
        }

        /**
         * The day's articles in the order the index keeps, reading only those the page shows; null when that order
         * is missing or behind the day (an article went live since, or one changed and is not indexed yet), and the
         * day is read whole instead. An article this reader may not read is left out, as it is from the folder.
         */
        @Nullable
        List<Article> inOrder(@Nullable DayOrder order, long visible, int wanted) {
            if (order == null || order.size() < visible) {
                return null;
            }
            List<Article> articles = new ArrayList<>(Math.min(wanted, order.size()));
            String folder = folder();
            for (int i = order.start(now.toEpochMilli(), after); i < order.size() && articles.size() < wanted; i++) {
                Resource resource = resolver.getResource(folder + "/" + order.names()[i]);
                if (resource == null) {
                    continue;
                }
                Article article = read(resource);
                if (!resource.isResourceType(RT_ARTICLE)
                        || article.published() == null
                        || article.published().toEpochMilli() != order.published()[i]
                        || !article.id().equals(order.ids()[i])) {
                    return null;
                }
                articles.add(article);
            }
            return articles;
        }

        /** The day's articles read whole from its folder and sorted. */
        List<Article> sorted(int wanted) {
            Resource folder = resolver.getResource(folder());
            if (folder == null) {
                return List.of();
            }
            List<Entry> entries = new ArrayList<>();
            for (Resource child : folder.getChildren()) {
                DayOrder.Item item = ArchiveIndexer.dated(child, site, date);
                if (item != null
                        && item.published() <= now.toEpochMilli()
                        && (after == null || after.isBefore(item.published(), item.id()))) {
                    entries.add(new Entry(item, child));
                }
            }
            entries.sort(Comparator.comparing(Entry::item, DayOrder.NEWEST_FIRST));
            List<Article> articles = new ArrayList<>(Math.min(wanted, entries.size()));
            for (int i = 0; i < entries.size() && i < wanted; i++) {
                articles.add(read(entries.get(i).resource()));
            }
            return articles;
        }
    }

    /** The cursor that continues after an article. */
    public static Cursor cursorAfter(Article article) {
        return new Cursor(article.published().toEpochMilli(), article.id());
    }
}
