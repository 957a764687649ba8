package dev.newsfeed.impl.reading;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import dev.newsfeed.impl.archive.CalendarBuilder;
import dev.newsfeed.impl.archive.MonthCounts;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.ConditionalRequests;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A month of a site's calendar, read from the archive index only; cached no longer than the next article goes live
 * (and, for "the current month", than the month lasts in the site's zone).
 */
@Component(service = CalendarView.class)
public class CalendarView {

    @Reference
    private PublicApiSettings settings;

    /** The calendar of {@code asked}, or of the current month in the site's zone when null. */
    public PublicDocument of(
            HttpServletRequest request,
            ResourceResolver resolver,
            SiteSettings site,
            @Nullable YearMonth asked,
            Instant now)
            throws IOException {
        YearMonth current = YearMonth.from(now.atZone(site.zone()));
        YearMonth month = asked == null ? current : asked;
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        CachePolicy cache = settings.publicCache().until(index.nextGoingLive(now, site.zone()), now);
        if (asked == null) {
            // "the current month" moves on at midnight of the first in the site's zone
            cache = cache.until(
                    current.plusMonths(1).atDay(1).atStartOfDay(site.zone()).toInstant(), now);
        }
        MonthCounts counts = index.month(month);
        List<String> keys = List.of(
                SurrogateKeys.site(site.path()),
                SurrogateKeys.calendar(site.path()),
                SurrogateKeys.month(site.path(), month));
        Instant lastModified = ConditionalRequests.latest(
                index.updated(),
                counts.updated(),
                counts.lastWentLive(now),
                site.modified(),
                index.month(current).lastWentLive(now));
        return PublicDocument.json(
                CalendarBuilder.build(site, index, month, now, settings.baseUrl(request)),
                lastModified,
                cache,
                settings.surrogateKeyHeader(),
                keys);
    }
}
