package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What another instance's change-log entries tell this instance to purge. */
@ExtendWith(SlingContextExtension.class)
class ClusterPurgesTest {

    private static final SiteSettings SITE = NewsfeedTestContext.DAY;
    private static final Instant T0 = Instant.parse("2022-01-10T10:40:00Z");

    private final SlingContext context = NewsfeedTestContext.newSlingContext();

    private Change log(String id, Instant at, String... keys) throws Exception {
        Change c = ChangeLog.append(
                context.resourceResolver(),
                SITE,
                Change.Type.UPDATED,
                id,
                SITE.path() + "/articles/2022/01/10/" + id,
                -1,
                at,
                new LinkedHashSet<>(List.of(keys)));
        context.resourceResolver().commit();
        return c;
    }

    private String entryPath(Instant at) {
        List<java.util.Map<String, Object>> entries =
                ChangeLog.read(context.resourceResolver(), SITE, ChangeLog.entryAt(at.minusSeconds(1)), 10);
        String e = (String) entries.get(entries.size() - 1).get("entry");
        return ChangeLog.root(SITE) + "/log/"
                + String.join(
                        "/",
                        e.substring(0, 4),
                        e.substring(4, 6),
                        e.substring(6, 8),
                        e.substring(9, 11),
                        e.substring(11, 13),
                        e.substring(13, 15),
                        e);
    }

    @Test
    void anEntryGivesTheKeysItsChangeMadeStale() throws Exception {
        log("a", T0, "article:a", "changes:/content/newsfeed/day");
        Set<String> keys = ClusterPurges.keysBelow(context.resourceResolver(), List.of(entryPath(T0)));
        assertEquals(List.of("article:a", "changes:/content/newsfeed/day"), List.copyOf(keys));
    }

    @Test
    void anAddedFolderGivesTheKeysOfEveryEntryInItOnce() throws Exception {
        log("a", T0, "article:a", "day:2022-01-10");
        log("b", T0.plusSeconds(1), "article:b", "day:2022-01-10");
        String hour = ChangeLog.root(SITE) + "/log/2022/01/10/10";
        Set<String> keys = ClusterPurges.keysBelow(
                context.resourceResolver(), List.of(ChangeLog.root(SITE) + "/log/2022", hour, entryPath(T0)));
        assertEquals(Set.of("article:a", "article:b", "day:2022-01-10"), keys);
    }

    @Test
    void aPathThatIsGoneGivesNothing() {
        assertEquals(
                Set.of(),
                ClusterPurges.keysBelow(context.resourceResolver(), List.of(ChangeLog.root(SITE) + "/log/1999")));
    }
}
