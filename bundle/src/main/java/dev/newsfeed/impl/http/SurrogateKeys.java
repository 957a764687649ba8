package dev.newsfeed.impl.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.servlet.http.HttpServletResponse;

/**
 * The names a CDN or dispatcher can purge by ({@code Surrogate-Key}/{@code xkey}). Every public answer names what it
 * depends on; every change names exactly what it affects. A site is named by the last segment of its path.
 * <pre>
 * site:{s}                 everything of the site (its settings show in every document)
 * article:{id}             an article document
 * comments:{id}            an article's comment thread and count
 * day:{s}:2022-01-10 month:{s}:2022-01 year:{s}:2022 archive:{s}   archive listings; month also the month's calendar
 * calendar:{s}             every calendar of the site (the nearest-month links)
 * feed:{s}                 the feed and the syndication formats
 * changes:{s}              the changes feed
 * </pre>
 */
public final class SurrogateKeys {

    private SurrogateKeys() {}

    public static String siteName(String sitePath) {
        return sitePath.substring(sitePath.lastIndexOf('/') + 1);
    }

    public static String site(String sitePath) {
        return "site:" + siteName(sitePath);
    }

    public static String article(String id) {
        return "article:" + id;
    }

    public static String comments(String id) {
        return "comments:" + id;
    }

    public static String day(String sitePath, LocalDate day) {
        return "day:" + siteName(sitePath) + ":" + day;
    }

    public static String month(String sitePath, YearMonth month) {
        return "month:" + siteName(sitePath) + ":" + month;
    }

    public static String year(String sitePath, int year) {
        return "year:" + siteName(sitePath) + ":" + String.format("%04d", year);
    }

    public static String archive(String sitePath) {
        return "archive:" + siteName(sitePath);
    }

    public static String calendar(String sitePath) {
        return "calendar:" + siteName(sitePath);
    }

    public static String feed(String sitePath) {
        return "feed:" + siteName(sitePath);
    }

    public static String changes(String sitePath) {
        return "changes:" + siteName(sitePath);
    }

    /** The listings that show an article of that day: day, month, year, archive root, feed. */
    public static Set<String> listings(String sitePath, LocalDate day) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(day(sitePath, day));
        keys.add(month(sitePath, YearMonth.from(day)));
        keys.add(year(sitePath, day.getYear()));
        keys.add(archive(sitePath));
        keys.add(feed(sitePath));
        return keys;
    }

    /** Names the keys in the header {@code name} (empty: none; no keys: no header). */
    public static void name(HttpServletResponse response, String name, Collection<String> keys) {
        if (!name.isEmpty() && !keys.isEmpty()) {
            response.setHeader(name, header(keys));
        }
    }

    /** The header value: keys separated by spaces. */
    public static String header(Collection<String> keys) {
        return String.join(" ", keys);
    }
}
