package dev.newsfeed.impl.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.archive.ArchiveIndexer;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.jetbrains.annotations.Nullable;

/**
 * Finds the scheduled articles of a site that went live since its last check and logs them as created: no write
 * marks that moment, so a periodic check (see {@link ChangeHistory#checkGoingLive}) does, from the scheduled instants
 * the archive index keeps. It indexes their days again, whose order ({@link dev.newsfeed.impl.archive.DayOrder})
 * holds only what was live when it was written.
 */
final class GoingLiveCheck {

    private GoingLiveCheck() {}

    /** Checks one site and commits; the changes it logged. */
    static List<Change> check(ResourceResolver resolver, SiteSettings site, Instant now)
            throws PersistenceException, RepositoryException {
        return Retry.commit(resolver, r -> {
            Resource marker = ResourceUtil.getOrCreateResource(
                    r, ChangeLog.root(site), Map.of("jcr:primaryType", "oak:Unstructured"), "oak:Unstructured", false);
            ModifiableValueMap props = marker.adaptTo(ModifiableValueMap.class);
            // a site's first check looks back as far as the index keeps instants that went live (a new site's first
            // scheduled article may go live before it); liveLogged prevents repeats
            Long checked = props.get("liveChecked", Long.class);
            long since = checked != null
                    ? checked
                    : now.minus(ArchiveIndexer.RECENTLY_LIVE).toEpochMilli();
            List<Resource> live = wentLive(r, site, since, now);
            for (LocalDate day : days(site, live)) {
                // a day's order in the index lists only what was live when it was written: add what went live
                ArchiveIndexer.reindexDay(r, site, day, now);
            }
            if (recordCheck(checked, !live.isEmpty(), now)) {
                props.put("liveChecked", now.toEpochMilli());
            }
            return ChangeRecorder.trackGoingLive(r, site, live, now);
        });
    }

    /**
     * Whether a going-live check writes its time: when it found articles (the next check starts after them), on a
     * site's first check, and otherwise only every few minutes, so an idle site is not written every 15 s by every
     * instance of a cluster. A check that writes nothing looks at the same instants again next time, which is
     * harmless: nothing went live in them, and the index keeps them (RECENTLY_LIVE) longer than the interval.
     */
    static boolean recordCheck(@Nullable Long lastRecorded, boolean foundLive, Instant now) {
        return foundLive
                || lastRecorded == null
                || now.toEpochMilli() - lastRecorded >= ArchiveIndexer.RECENTLY_LIVE.toMillis() / 2;
    }

    private static Set<LocalDate> days(SiteSettings site, List<Resource> articles) {
        Set<LocalDate> days = new TreeSet<>();
        for (Resource article : articles) {
            LocalDate day = ArchiveClerk.dayOf(site, article.getPath());
            if (day != null) {
                days.add(day);
            }
        }
        return days;
    }

    /** Articles whose publish instant lies in (since, now], found through the index's scheduled instants. */
    private static List<Resource> wentLive(ResourceResolver resolver, SiteSettings site, long since, Instant now) {
        List<Resource> live = new ArrayList<>();
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        YearMonth first = YearMonth.from(Instant.ofEpochMilli(since).atZone(site.zone()));
        for (YearMonth month : index.months()) {
            if (month.isBefore(first) || month.isAfter(YearMonth.from(now.atZone(site.zone())))) {
                continue;
            }
            for (long s : index.month(month).scheduled()) {
                if (s > since && s <= now.toEpochMilli()) {
                    live.addAll(publishedAt(resolver, site, s));
                }
            }
        }
        return live;
    }

    /** The articles of the day folder of {@code instant} published exactly then. */
    private static List<Resource> publishedAt(ResourceResolver resolver, SiteSettings site, long instant) {
        List<Resource> found = new ArrayList<>();
        LocalDate day = Instant.ofEpochMilli(instant).atZone(site.zone()).toLocalDate();
        Resource folder = resolver.getResource(site.archivePath() + "/" + Dates.dayPath(day));
        if (folder == null) {
            return found;
        }
        for (Resource article : folder.getChildren()) {
            Calendar published = ContentNodes.properties(article).get("published", Calendar.class);
            if (published != null && published.getTimeInMillis() == instant) {
                found.add(article);
            }
        }
        return found;
    }
}
