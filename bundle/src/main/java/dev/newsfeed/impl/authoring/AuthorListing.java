package dev.newsfeed.impl.authoring;

import static dev.newsfeed.impl.content.ContentModel.NN_DRAFTS;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.newsfeed.impl.archive.ArchiveIndex;
import dev.newsfeed.impl.archive.MonthCounts;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.PublicationStatus;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.paging.AuthorCursor;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * The authors' list of a site's articles: drafts (from {@code {site}/drafts}, last modified first), then scheduled and
 * published articles (publish time, newest first), filtered by status, title and month. Dated articles are found by
 * walking the archive index from the newest month down, reading only the day folders the index says hold articles of
 * the wanted status; no repository query. A request reads at most {@code budget} dated articles: a title search over
 * a large archive then answers a short page with a {@code next} cursor that continues where the reading stopped.
 */
public final class AuthorListing {

    /** Which articles to list. */
    public enum Status {
        DRAFT,
        SCHEDULED,
        PUBLISHED,
        ALL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static @Nullable Status of(String key) {
            for (Status s : values()) {
                if (s.key().equals(key)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** The filters: {@code title} a case-insensitive part of the title (or null), {@code month} of the publish date. */
    public record Query(Status status, @Nullable String title, @Nullable YearMonth month) {}

    /** One page: the articles and where the next page starts (null at the end). */
    public record Slice(List<Article> articles, @Nullable AuthorCursor next) {}

    /** Dated articles read per request at most, beyond the day being read. */
    public static final int DEFAULT_BUDGET = 1_000;

    private static final Comparator<Article> DRAFTS_ORDER = Comparator.comparingLong(AuthorListing::draftMillis)
            .reversed()
            .thenComparing(Article::id, Comparator.reverseOrder());
    private static final Comparator<Article> DATED_ORDER = Comparator.comparingLong(
                    (Article a) -> a.published().toEpochMilli())
            .reversed()
            .thenComparing(Article::id, Comparator.reverseOrder());

    private AuthorListing() {}

    public static Slice list(
            ResourceResolver resolver,
            SiteSettings site,
            ArchiveIndex index,
            Query query,
            @Nullable AuthorCursor after,
            int limit,
            Instant now,
            int budget) {
        Walk walk = new Walk(query, limit);
        boolean drafts = (query.status() == Status.DRAFT || query.status() == Status.ALL) && query.month() == null;
        if (drafts && (after == null || after.draft())) {
            Slice full = walkDrafts(resolver, site, walk, after);
            if (full != null) {
                return full;
            }
        }
        if (query.status() == Status.DRAFT) {
            return walk.end();
        }
        AuthorCursor datedAfter = after != null && !after.draft() ? after : null;
        LocalDate startDay =
                datedAfter == null ? null : Dates.localDate(Instant.ofEpochMilli(datedAfter.millis()), site.zone());
        YearMonth current = YearMonth.from(now.atZone(site.zone()));
        List<YearMonth> months = index.months();
        for (int m = months.size() - 1; m >= 0; m--) {
            YearMonth month = months.get(m);
            if ((query.month() != null && !query.month().equals(month))
                    || (startDay != null && month.isAfter(YearMonth.from(startDay)))) {
                continue;
            }
            if (query.status() == Status.SCHEDULED && month.isBefore(current)) {
                break; // every article of an earlier month is live
            }
            Slice done = walkMonth(
                    resolver, site, query.status(), month, index.month(month), walk, datedAfter, startDay, now, budget);
            if (done != null) {
                return done;
            }
        }
        return walk.end();
    }

    /** The drafts after {@code after}, newest first: the full page, or null when the dated articles come next. */
    private static @Nullable Slice walkDrafts(
            ResourceResolver resolver, SiteSettings site, Walk walk, @Nullable AuthorCursor after) {
        for (Article draft : drafts(resolver, site)) {
            if (after == null || after.isBefore(draftMillis(draft), draft.id())) {
                if (walk.offer(draft, new AuthorCursor(true, draftMillis(draft), draft.id()))) {
                    return walk.full();
                }
            }
        }
        return null;
    }

    /**
     * The days of one month, latest first, from {@code startDay} on: the full page or the page where the budget ran
     * out, or null when the months before come next.
     */
    private static @Nullable Slice walkMonth(
            ResourceResolver resolver,
            SiteSettings site,
            Status status,
            YearMonth month,
            MonthCounts counts,
            Walk walk,
            @Nullable AuthorCursor datedAfter,
            @Nullable LocalDate startDay,
            Instant now,
            int budget) {
        for (int day = month.lengthOfMonth(); day >= 1; day--) {
            LocalDate date = month.atDay(day);
            if ((startDay != null && date.isAfter(startDay)) || relevant(counts, day, status, now, site) == 0) {
                continue;
            }
            if (walk.examined >= budget) {
                return walk.stopped();
            }
            for (Article article : day(resolver, site, date, status, now)) {
                if (datedAfter == null
                        || datedAfter.isBefore(article.published().toEpochMilli(), article.id())) {
                    if (walk.offer(
                            article, new AuthorCursor(false, article.published().toEpochMilli(), article.id()))) {
                        return walk.full();
                    }
                }
            }
        }
        return null;
    }

    /** The articles of one status an index day counts: all of them, those still ahead, or those live at {@code now}. */
    private static long relevant(MonthCounts counts, int day, Status status, Instant now, SiteSettings site) {
        long total = counts.days()[day - 1];
        if (total == 0) {
            return 0;
        }
        long visible = counts.visible(day, now, site.zone());
        return switch (status) {
            case PUBLISHED -> visible;
            case SCHEDULED -> total - visible;
            default -> total;
        };
    }

    /** What the page gathered so far and the last position it read. */
    private static final class Walk {
        private final String title;
        private final int limit;
        private final List<Article> page = new ArrayList<>();
        private final List<AuthorCursor> positions = new ArrayList<>();
        private AuthorCursor lastRead;
        private int examined;

        Walk(Query query, int limit) {
            this.title = query.title() == null ? null : query.title().toLowerCase(Locale.ROOT);
            this.limit = limit;
        }

        /** Takes an article read at {@code position}; true when the page is full (one beyond the limit). */
        boolean offer(Article article, AuthorCursor position) {
            lastRead = position;
            if (!position.draft()) {
                examined++;
            }
            if (title == null || article.title().toLowerCase(Locale.ROOT).contains(title)) {
                page.add(article);
                positions.add(position);
            }
            return page.size() > limit;
        }

        Slice full() {
            return new Slice(List.copyOf(page.subList(0, limit)), positions.get(limit - 1));
        }

        /** The budget is spent: the next page continues after the last article read. */
        Slice stopped() {
            return new Slice(List.copyOf(page), lastRead);
        }

        Slice end() {
            return new Slice(List.copyOf(page), null);
        }
    }

    private static List<Article> drafts(ResourceResolver resolver, SiteSettings site) {
        Resource folder = resolver.getResource(site.path() + "/" + NN_DRAFTS);
        List<Article> drafts = new ArrayList<>();
        if (folder != null) {
            for (Resource child : folder.getChildren()) {
                if (child.isResourceType(RT_ARTICLE)) {
                    Article article = Article.from(child);
                    if (article.published() == null) {
                        drafts.add(article);
                    }
                }
            }
        }
        drafts.sort(DRAFTS_ORDER);
        return drafts;
    }

    private static List<Article> day(
            ResourceResolver resolver, SiteSettings site, LocalDate date, Status status, Instant now) {
        Resource folder = resolver.getResource(site.archivePath() + "/" + Dates.dayPath(date));
        List<Article> articles = new ArrayList<>();
        if (folder != null) {
            for (Resource child : folder.getChildren()) {
                if (!child.isResourceType(RT_ARTICLE)) {
                    continue;
                }
                Article article = Article.from(child);
                if (article.published() == null
                        || !Dates.localDate(article.published(), site.zone()).equals(date)) {
                    continue; // misfiled: the archive's listener is about to move it
                }
                PublicationStatus state = article.state(now);
                if ((status == Status.PUBLISHED && state != PublicationStatus.PUBLISHED)
                        || (status == Status.SCHEDULED && state != PublicationStatus.SCHEDULED)) {
                    continue;
                }
                articles.add(article);
            }
        }
        articles.sort(DATED_ORDER);
        return articles;
    }

    /** A draft's place in the list: its last modification (or creation). */
    static long draftMillis(Article draft) {
        return draft.modified() == null ? 0 : draft.modified().toEpochMilli();
    }
}
