package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
    public static Slice list(ResourceResolver resolver, SiteSettings site, ArchiveIndex index, Period period,
            @Nullable Cursor after, int limit, Instant now, boolean withBodies) {
        List<Article> page = new ArrayList<>(limit + 1);
        LocalDate startDay = after == null ? null : Dates.localDate(Instant.ofEpochMilli(after.publishedMillis()),
                site.zone());
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
                if (!period.contains(date) || (startDay != null && date.isAfter(startDay))
                        || counts.visible(day, now, site.zone()) == 0) {
                    continue;
                }
                page.addAll(dayArticles(resolver, site, date, counts.key(day), after, now, limit + 1 - page.size(),
                        withBodies));
            }
        }
        boolean more = page.size() > limit;
        return new Slice(more ? page.subList(0, limit) : page, more, indexChanged);
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * The articles of a day after the cursor, newest first. The day's list of (published, id, name) comes from memory
     * while the index holds the fingerprint it was read under (so a page reads only the articles it shows, however
     * many the day holds), else from the folder. Each shown article is read as the reader sees it; one that is gone
     * or whose publish instant differs from the list (a write the index has not followed yet) sends the day back
     * to its folder.
     */
    private static List<Article> dayArticles(ResourceResolver resolver, SiteSettings site, LocalDate date, long key,
            @Nullable Cursor after, Instant now, int wanted, boolean withBodies) {
        String folderPath = site.archivePath() + "/" + Dates.dayPath(date);
        List<DayEntries.Entry> remembered = key == 0 ? null : DayEntries.get(folderPath, key);
        if (remembered != null) {
            List<Article> articles = take(resolver, folderPath, remembered, after, now, wanted, withBodies);
            if (articles != null) {
                return articles;
            }
        }
        List<DayEntries.Entry> entries = DayEntries.read(resolver.getResource(folderPath), site.zone(), date);
        if (key != 0 && DayEntries.fingerprint(entries) == key) {
            DayEntries.put(folderPath, key, entries); // the reader saw exactly what the index counted
        }
        List<Article> articles = take(resolver, folderPath, entries, after, now, wanted, withBodies);
        return articles == null ? List.of() : articles;
    }

    /** The first {@code wanted} live articles after the cursor, or null when an entry no longer matches its node. */
    private static @Nullable List<Article> take(ResourceResolver resolver, String folderPath,
            List<DayEntries.Entry> entries, @Nullable Cursor after, Instant now, int wanted, boolean withBodies) {
        List<Article> articles = new ArrayList<>(Math.min(wanted, entries.size()));
        long nowMillis = now.toEpochMilli();
        for (DayEntries.Entry entry : entries) {
            if (articles.size() >= wanted) {
                break;
            }
            if (entry.published() > nowMillis || (after != null && !after.isBefore(entry.published(), entry.id()))) {
                continue;
            }
            Resource resource = resolver.getResource(folderPath + "/" + entry.name());
            if (resource == null || !resource.isResourceType(RT_ARTICLE)) {
                return null;
            }
            Article article = withBodies ? Article.from(resource) : Article.summary(resource);
            if (article.published() == null || article.published().toEpochMilli() != entry.published()
                    || !article.id().equals(entry.id())) {
                return null;
            }
            articles.add(article);
        }
        return articles;
    }

    /** The cursor that continues after an article. */
    public static Cursor cursorAfter(Article article) {
        return new Cursor(article.published().toEpochMilli(), article.id());
    }
}
