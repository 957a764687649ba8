package dev.newsfeed.impl.models;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import javax.annotation.PostConstruct;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsfeed.api.CalendarModel;
import dev.newsfeed.impl.archive.CalendarBuilder;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.CalendarDocument;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.models.annotations.Model;
import org.apache.sling.models.annotations.injectorspecific.InjectionStrategy;
import org.apache.sling.models.annotations.injectorspecific.OSGiService;
import org.apache.sling.models.annotations.injectorspecific.SlingObject;
import org.jetbrains.annotations.Nullable;

/**
 * The current month's calendar of a site (its time zone) as a Sling Model, built by {@link CalendarBuilder} from the
 * archive index, as {@code {site}.calendar.json} is.
 */
@Model(
        adaptables = {SlingHttpServletRequest.class, Resource.class},
        adapters = CalendarModel.class)
public final class CalendarModelImpl implements CalendarModel {

    @SlingObject
    private Resource resource;

    @SlingObject(injectionStrategy = InjectionStrategy.OPTIONAL)
    private @Nullable SlingHttpServletRequest request;

    @OSGiService
    private PublicApiSettings settings;

    private CalendarDocument document;

    @PostConstruct
    void init() {
        SiteSettings settingsOfSite = ModelContext.siteItself(resource);
        Instant now = Instant.now();
        document = CalendarBuilder.build(
                settingsOfSite,
                new ResourceArchiveIndex(resource.getResourceResolver(), settingsOfSite.path()),
                YearMonth.from(now.atZone(settingsOfSite.zone())),
                now,
                ModelContext.base(settings, request));
    }

    /** The calendar document itself, for an exporter. */
    @JsonValue
    public CalendarDocument document() {
        return document;
    }

    @Override
    public String getMonth() {
        return document.month();
    }

    @Override
    public String getTimeZone() {
        return document.timeZone();
    }

    @Override
    public String getFirstDayOfWeek() {
        return document.firstDayOfWeek();
    }

    @Override
    public List<String> getWeekdays() {
        return document.weekdays();
    }

    @Override
    public List<List<Cell>> getWeeks() {
        return document.weeks().stream()
                .map(row -> row.stream()
                        .map(c -> c == null ? null : (Cell) new GridCell(c.day(), c.count()))
                        .toList())
                .toList();
    }

    @Override
    public List<Day> getDays() {
        return document.days().stream()
                .map(d -> (Day) new ArchiveDay(d.date(), d.count(), d.href()))
                .toList();
    }

    @Override
    public @Nullable String getPreviousMonth() {
        return document.previous() == null ? null : document.previous().month();
    }

    @Override
    public @Nullable String getNextMonth() {
        return document.next() == null ? null : document.next().month();
    }

    private record GridCell(int day, long count) implements Cell {
        @Override
        public int getDay() {
            return day;
        }

        @Override
        public long getCount() {
            return count;
        }
    }

    private record ArchiveDay(String date, long count, String url) implements Day {
        @Override
        public String getDate() {
            return date;
        }

        @Override
        public long getCount() {
            return count;
        }

        @Override
        public String getUrl() {
            return url;
        }
    }
}
