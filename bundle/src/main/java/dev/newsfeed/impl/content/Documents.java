package dev.newsfeed.impl.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.newsfeed.impl.dto.ArticleDocument;
import dev.newsfeed.impl.dto.SiteDocument;
import dev.newsfeed.impl.html.HtmlSanitizer;

/** Maps content to the documents of the API; {@code base} is the public base URL without a trailing slash. */
public final class Documents {

    private Documents() {}

    public static SiteDocument site(SiteSettings site, String base) {
        String api = base + site.path();
        return new SiteDocument(
                site.path(),
                api,
                site.title(),
                site.zone().getId(),
                site.locale().toLanguageTag(),
                site.firstDayOfWeek().name(),
                site.reusePolicy(),
                new SiteDocument.CommentPolicy(site.commentsOpenDays(), site.moderation()),
                new SiteDocument.Links(
                        api + ".feed.json", api + ".calendar.json", base + site.archivePath() + ".json"));
    }

    /**
     * The full article document. {@code approvedComments} is the number of approved comments;
     * {@code now} decides whether comments are still open.
     */
    public static ArticleDocument article(
            Article article, SiteSettings site, String base, long approvedComments, Instant now) {
        return document(article, site, base, approvedComments, commentsOpen(article, site, now), true);
    }

    /**
     * The article as a list item: the same document without its body (which is then never sanitized), with whether
     * its comments are open as the list worked it out ({@link #commentsOpen}).
     */
    public static ArticleDocument listItem(
            Article article, SiteSettings site, String base, long approvedComments, boolean commentsOpen) {
        return document(article, site, base, approvedComments, commentsOpen, false);
    }

    private static ArticleDocument document(
            Article article,
            SiteSettings site,
            String base,
            long approvedComments,
            boolean commentsOpen,
            boolean withBody) {
        String url = base + article.path();
        String published = article.published() == null ? null : Dates.format(article.published(), site.zone());
        Instant lastChanged = article.lastChanged();
        ArticleDocument.Archive archive = null;
        if (article.published() != null) {
            LocalDate day = Dates.localDate(article.published(), site.zone());
            String root = base + site.archivePath() + "/";
            archive = new ArticleDocument.Archive(
                    root + Dates.yearPath(day) + ".json",
                    root + Dates.monthPath(day) + ".json",
                    root + Dates.dayPath(day) + ".json");
        }
        return new ArticleDocument(
                article.id(),
                article.path(),
                url,
                article.title(),
                article.lead(),
                withBody ? Objects.requireNonNullElse(HtmlSanitizer.article(article.body()), "") : null,
                article.author(),
                published,
                lastChanged == null ? null : Dates.format(lastChanged, site.zone()),
                article.tags(),
                new ArticleDocument.Reuse(site.reusePolicy(), url),
                new ArticleDocument.Comments(approvedComments, commentsOpen, url + ".comments.json"),
                archive);
    }

    /** Open when the article allows comments and, if the site closes them, its publish date is recent enough. */
    public static boolean commentsOpen(Article article, SiteSettings site, Instant now) {
        if (!article.commentsOpen() || article.published() == null) {
            return false;
        }
        long days = site.commentsOpenDays();
        return days == 0 || now.isBefore(article.published().plus(days, ChronoUnit.DAYS));
    }
}
