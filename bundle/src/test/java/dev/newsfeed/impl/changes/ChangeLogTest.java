package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reading the change log from a position: across hours, days, months and years, in time order, limited. */
@ExtendWith(SlingContextExtension.class)
class ChangeLogTest {

    private static final SiteSettings SITE = NewsfeedTestContext.DAY;

    private final SlingContext context = NewsfeedTestContext.newSlingContext();

    private void log(String... instants) throws Exception {
        for (String at : instants) {
            Instant t = Instant.parse(at);
            ChangeLog.append(context.resourceResolver(), SITE, Change.Type.UPDATED, at, null, -1, t, Set.of());
        }
        context.resourceResolver().commit();
    }

    private List<String> ids(String afterEntry, int limit) {
        return ChangeLog.read(context.resourceResolver(), SITE, afterEntry, limit).stream()
                .map(e -> (String) e.get("id"))
                .toList();
    }

    @Test
    void readsEverythingAfterThePositionInTimeOrderAcrossFolders() throws Exception {
        // logged out of order, and a later day, month and year whose hour or day number is smaller than the position's
        log(
                "2022-01-10T14:40:00Z",
                "2021-12-31T23:59:59Z",
                "2022-01-10T14:39:59.999Z",
                "2022-01-11T03:00:00Z",
                "2022-01-10T13:00:00Z",
                "2022-02-01T00:00:00Z",
                "2023-01-01T01:00:00Z",
                "2022-01-10T14:40:00.001Z",
                "2022-01-10T15:00:00Z");
        String position = ChangeLog.entryAt(Instant.parse("2022-01-10T14:40:00Z"));
        assertEquals(
                List.of(
                        "2022-01-10T14:40:00Z",
                        "2022-01-10T14:40:00.001Z",
                        "2022-01-10T15:00:00Z",
                        "2022-01-11T03:00:00Z",
                        "2022-02-01T00:00:00Z",
                        "2023-01-01T01:00:00Z"),
                ids(position, 100));
    }

    @Test
    void stopsAtTheLimitAndGoesOnFromTheLastEntry() throws Exception {
        log("2022-01-10T14:40:01Z", "2022-01-10T14:40:02Z", "2022-01-10T15:40:03Z", "2022-01-12T01:00:00Z");
        String position = ChangeLog.entryAt(Instant.parse("2022-01-10T14:00:00Z"));
        List<Map<String, Object>> first = ChangeLog.read(context.resourceResolver(), SITE, position, 2);
        assertEquals(
                List.of("2022-01-10T14:40:01Z", "2022-01-10T14:40:02Z"),
                first.stream().map(e -> e.get("id")).toList());
        assertEquals(
                List.of("2022-01-10T15:40:03Z", "2022-01-12T01:00:00Z"),
                ids((String) first.get(1).get("entry"), 10));
        assertEquals(List.of(), ids(ChangeLog.entryAt(Instant.parse("2022-01-12T01:00:01Z")), 10));
    }

    @Test
    void aPositionBeforeTheWholeLogReadsItAll() throws Exception {
        log("2022-03-01T00:00:00Z", "2021-06-30T12:00:00Z", "2022-01-01T00:00:00Z");
        assertEquals(
                List.of("2021-06-30T12:00:00Z", "2022-01-01T00:00:00Z", "2022-03-01T00:00:00Z"),
                ids(ChangeLog.entryAt(Instant.parse("2020-01-01T00:00:00Z")), 10));
    }

    @Test
    void readsEntriesOfTheEarlierLayoutInTheSameOrder() throws Exception {
        // before minute and second folders, entries were kept directly in their hour folder
        ResourceResolver resolver = context.resourceResolver();
        Resource hour = ResourceUtil.getOrCreateResource(
                resolver, ChangeLog.root(SITE) + "/log/2022/01/10/14", ChangeLog.NODE_TYPE, ChangeLog.NODE_TYPE, false);
        for (String old : List.of("20220110-143000000-oldaaaaa", "20220110-144000500-oldbbbbb")) {
            resolver.create(hour, old, Map.of("jcr:primaryType", ChangeLog.NODE_TYPE, "id", old));
        }
        log("2022-01-10T14:40:00Z", "2022-01-10T14:40:01Z", "2022-01-10T14:20:00Z", "2022-01-10T15:00:00Z");
        assertEquals(
                List.of(
                        "2022-01-10T14:20:00Z",
                        "20220110-143000000-oldaaaaa",
                        "2022-01-10T14:40:00Z",
                        "20220110-144000500-oldbbbbb",
                        "2022-01-10T14:40:01Z",
                        "2022-01-10T15:00:00Z"),
                ids(ChangeLog.entryAt(Instant.parse("2022-01-10T14:00:00Z")), 10));
        assertEquals(
                List.of("20220110-144000500-oldbbbbb", "2022-01-10T14:40:01Z"),
                ids(ChangeLog.entryAt(Instant.parse("2022-01-10T14:40:00.001Z")), 2));
    }
}
