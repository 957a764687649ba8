package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.jetbrains.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Comments stored on Oak (JCR_OAK) with the real {@link CommentStore}; the counters are a model of Oak's atomic
 * counter ({@link OakModel}), since the mock repository has no AtomicCounterEditor: per-instance shards that an
 * {@code oak:increment} adds to, a visible total that a fold sets to their sum, and folds that a crash loses.
 */
@ExtendWith(SlingContextExtension.class)
class CountKeeperTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final Instant T0 = Instant.parse("2022-01-10T11:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(40);
    private static final String PENDING = CommentStore.ROOT + SITE + "/counts/pending";
    private static final String APPROVED = CommentStore.ROOT + SITE + "/counts/approved";
    private static final String THREAD = SITE + "/comments/a1";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private ResourceResolver resolver;
    private SiteSettings site;
    private final OakModel oak = new OakModel();
    private int sequence;

    @BeforeEach
    void setUp() throws Exception {
        resolver = context.resourceResolver();
        site = NewsfeedTestContext.oakSite(resolver, SITE, "Asia/Yerevan");
    }

    @Test
    void refoldsAStaleTotalWithoutAddingAnything() throws Exception {
        CountKeeper keeper = keeper("A");
        for (int i = 0; i < 5; i++) {
            add("A", CommentStatus.PENDING, T0.plusSeconds(i), true);
        }
        keeper.pass(resolver, List.of(site), T0);
        // the JVM dies before Oak folded the shards of the last commits
        add("A", CommentStatus.PENDING, T0.plusSeconds(9), false);
        approve("A", add("A", CommentStatus.PENDING, T0.plusSeconds(10), false), false);
        assertEquals(5, oak.shown(PENDING), "the visible total is one behind, as after the kill in issue 13");
        assertEquals(6, oak.shards(PENDING));

        CountKeeper restarted = keeper("A");
        CountKeeper.Report report = restarted.pass(resolver, List.of(site), T0.plusSeconds(60));
        assertEquals(Set.of(PENDING, APPROVED, THREAD), Set.copyOf(report.nudged()));
        assertEquals(Map.of(), report.corrected());
        assertEquals(6, oak.shown(PENDING));
        assertEquals(6, oak.shards(PENDING), "a nudge adds 0: nothing counted twice");
        assertEquals(1, oak.shown(APPROVED));
        assertEquals(1, oak.shown(THREAD));

        CountKeeper.Report after = restarted.pass(resolver, List.of(site), T0.plusSeconds(65));
        assertEquals(List.of(), after.nudged());
        assertFalse(restarted.hasSuspects());
    }

    @Test
    void correctsWrongShardsOnlyAfterTheDifferenceSettled() throws Exception {
        CountKeeper keeper = keeper("A");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(add("A", CommentStatus.PENDING, T0.plusSeconds(i), true).id());
        }
        keeper.pass(resolver, List.of(site), T0);
        // a comment deleted by hand (console, WebDAV): the shard still counts it
        resolver.delete(CommentStore.find(resolver, site, ids.get(0)));
        resolver.commit();
        keeper.changed(CommentStore.ROOT + SITE + "/pending/2022/01/10/" + ids.get(0));

        CountKeeper.Report first = keeper.pass(resolver, List.of(site), T0.plusSeconds(60));
        assertEquals(List.of(PENDING), first.nudged());
        assertEquals(4, oak.shown(PENDING), "a fold cannot repair wrong shards");
        assertTrue(keeper.hasSuspects());
        assertEquals(
                Map.of(),
                keeper.pass(resolver, List.of(site), T0.plusSeconds(90)).corrected(),
                "not before the settle time");
        CountKeeper.Report settled = keeper.pass(resolver, List.of(site), T0.plusSeconds(101));
        assertEquals(Map.of(PENDING, "4 -> 3"), settled.corrected());
        assertEquals(3, oak.shown(PENDING));
        assertEquals(3, oak.shards(PENDING));
        CountKeeper.Report quiet = keeper.pass(resolver, List.of(site), T0.plusSeconds(200));
        assertEquals(List.of(), quiet.nudged());
        assertEquals(Map.of(), quiet.corrected());
        assertFalse(keeper.hasSuspects());
    }

    @Test
    void neverCorrectsACounterThatMovedWhileItWasSuspect() throws Exception {
        CountKeeper keeper = keeper("A");
        String id = add("A", CommentStatus.PENDING, T0, true).id();
        add("A", CommentStatus.PENDING, T0.plusSeconds(1), true);
        keeper.pass(resolver, List.of(site), T0);
        resolver.delete(CommentStore.find(resolver, site, id));
        resolver.commit();
        keeper.changed(CommentStore.ROOT + SITE + "/pending/2022/01/10/" + id);
        keeper.pass(resolver, List.of(site), T0.plusSeconds(10));
        // a new comment arrives during the settle time: the suspicion starts over
        add("A", CommentStatus.PENDING, T0.plusSeconds(45), true);
        assertEquals(
                Map.of(),
                keeper.pass(resolver, List.of(site), T0.plusSeconds(55)).corrected());
        assertEquals(
                Map.of(),
                keeper.pass(resolver, List.of(site), T0.plusSeconds(80)).corrected());
        assertEquals(
                Map.of(PENDING, "3 -> 2"),
                keeper.pass(resolver, List.of(site), T0.plusSeconds(96)).corrected());
        assertEquals(2, oak.shards(PENDING));
    }

    @Test
    void twoInstancesRepairingAtOnceCountOnce() throws Exception {
        CountKeeper a = keeper("A");
        CountKeeper b = keeper("B");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(add(i % 2 == 0 ? "A" : "B", CommentStatus.PENDING, T0.plusSeconds(i), true)
                    .id());
        }
        a.pass(resolver, List.of(site), T0);
        b.pass(resolver, List.of(site), T0);
        resolver.delete(CommentStore.find(resolver, site, ids.get(1)));
        resolver.commit();
        for (CountKeeper k : List.of(a, b)) {
            k.changed(CommentStore.ROOT + SITE + "/pending/2022/01/10/" + ids.get(1));
            k.pass(resolver, List.of(site), T0.plusSeconds(10));
        }
        // both saw the same difference long enough: A repairs first, B then finds the count right
        CountKeeper.Report ra = a.pass(resolver, List.of(site), T0.plusSeconds(60));
        assertEquals(Map.of(PENDING, "3 -> 2"), ra.corrected());
        CountKeeper.Report rb = b.pass(resolver, List.of(site), T0.plusSeconds(61));
        assertEquals(Map.of(), rb.corrected());
        assertEquals(2, oak.shown(PENDING));
        assertEquals(2, oak.shards(PENDING));
    }

    @Test
    void followsChangedFoldersAfterTheFirstWalk() throws Exception {
        CountKeeper keeper = keeper("A");
        add("A", CommentStatus.PENDING, T0, true);
        CountKeeper.Report first = keeper.pass(resolver, List.of(site), T0);
        assertEquals(5, first.recounted(), "the first pass walks the four statuses and the threads");
        CommentRecord other = add("A", CommentStatus.PENDING, T0.plusSeconds(86_400 * 40), true);
        approve("A", other, true); // empties the day, month (and here also its) folders: removed as a whole
        add("A", CommentStatus.SPAM, T0.plusSeconds(5), true);
        CountKeeper.Report next = keeper.pass(resolver, List.of(site), T0.plusSeconds(60));
        assertEquals(0, next.recounted(), "only changed day folders and threads are counted again");
        assertEquals(List.of(), next.nudged());
        assertFalse(keeper.hasSuspects());
        assertEquals(
                5,
                keeper.pass(resolver, List.of(site), T0.plusSeconds(3_600)).recounted(),
                "everything is walked again every hour, in case a change event was missed");
    }

    @Test
    void namesTheFoldersAChangeTouches() {
        String folder = "/var/newsfeed/comments/content/newsfeed/day/pending";
        Set<String> dirty = new HashSet<>();
        assertFalse(CommentTally.dirtyParts(
                List.of(
                        folder + "/2022/01/10/x",
                        folder + "/2022/02",
                        "/var/newsfeed/comments/content/newsfeed/day/dedup/h",
                        folder + "x/2022/01/01"),
                folder,
                3,
                dirty));
        assertEquals(Set.of(folder + "/2022/01/10", folder + "/2022/02"), dirty);
        assertTrue(CommentTally.dirtyParts(List.of("/var/newsfeed/comments/content"), folder, 3, new HashSet<>()));
        assertTrue(CommentTally.dirtyParts(List.of(folder), folder, 3, new HashSet<>()));
    }

    private CountKeeper keeper(String instance) {
        CountKeeper keeper = new CountKeeper(oak.instance(instance), SETTLE);
        allKeepers.add(keeper);
        return keeper;
    }

    /** Stores a comment; Oak's editor then adds the increments to the instance's shards, folding them or not. */
    private CommentRecord add(String instance, CommentStatus status, Instant created, boolean fold) throws Exception {
        CommentRecord r = new CommentRecord(
                CommentIds.next(created),
                status,
                "a1",
                SITE + "/articles/2022/01/10/x",
                "X",
                "Anna",
                "anna@example.am",
                null,
                "hello " + sequence,
                "<p>hello</p>",
                null,
                0,
                created,
                "hash",
                null);
        String hash = "h" + sequence++;
        Retry.commit(resolver, rr -> {
            CommentStore.add(rr, site, r, hash, created);
            return null;
        });
        oak.commitIncrements(resolver, instance, fold);
        changed(r);
        return r;
    }

    private void approve(String instance, CommentRecord r, boolean fold) throws Exception {
        Retry.commit(resolver, rr -> CommentStore.moderate(rr, site, r.id(), CommentStatus.APPROVED, "mod", T0));
        oak.commitIncrements(resolver, instance, fold);
        changed(r);
        String from = CommentStore.ROOT + SITE + "/pending/"
                + dev.newsfeed.impl.content.Dates.dayPath(CommentIds.day(r.id()));
        allKeepers.forEach(k -> k.changed(from.substring(0, from.length() - 3))); // the month folder went away
    }

    private final List<CountKeeper> allKeepers = new ArrayList<>();

    private void changed(CommentRecord r) {
        // what the resource change listener passes on (ADDED/REMOVED below the comment folders)
        for (CountKeeper k : allKeepers) {
            for (CommentStatus s : CommentStatus.values()) {
                k.changed(CommentStore.bucketPath(site, s, CommentIds.day(r.id())) + "/" + r.id());
            }
            k.changed(THREAD + "/" + r.id());
        }
    }

    /**
     * Oak's atomic counter as the keeper sees it: {@code oak:increment} goes to the committing instance's shard; a
     * fold sets the visible total to the sum of the shards (on a DocumentNodeStore 0.5 s after the commit, lost when
     * the JVM dies); the repair token is a plain property, and a repair carrying a token that changed is refused (as
     * Oak refuses the second of two commits changing one property).
     */
    final class OakModel {
        final Map<String, Map<String, Long>> shards = new HashMap<>();
        final Map<String, Long> shown = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();

        CountKeeper.Counters instance(String id) {
            OakModel model = this;
            CountKeeper.Counters counters = new CountKeeper.Counters() {
                @Override
                public CountKeeper.@Nullable Shown read(ResourceResolver r, String path) {
                    return r.getResource(path) == null
                            ? null
                            : new CountKeeper.Shown(model.shown(path), tokens.get(path));
                }

                @Override
                public void nudge(ResourceResolver r, String path) {
                    add(id, path, 0, true);
                }

                @Override
                public boolean correct(
                        ResourceResolver r, String path, @Nullable String expected, long delta, String token) {
                    if (!Objects.equals(expected, tokens.get(path))) {
                        return false;
                    }
                    tokens.put(path, token);
                    add(id, path, delta, true);
                    return true;
                }
            };
            return counters;
        }

        long shown(String path) {
            return shown.getOrDefault(path, 0L);
        }

        long shards(String path) {
            return shards.getOrDefault(path, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        void add(String instance, String path, long delta, boolean fold) {
            shards.computeIfAbsent(path, p -> new HashMap<>()).merge(instance, delta, Long::sum);
            if (fold) {
                shown.put(path, shards(path));
            }
        }

        /** What AtomicCounterEditor does with the {@code oak:increment} a commit left on counter nodes. */
        void commitIncrements(ResourceResolver r, String instance, boolean fold) throws Exception {
            List<String> counters = new ArrayList<>();
            for (CommentStatus s : CommentStatus.values()) {
                counters.add(CommentStore.ROOT + SITE + "/counts/" + s.key());
            }
            Resource threads = r.getResource(SITE + "/comments");
            if (threads != null) {
                threads.getChildren().forEach(t -> counters.add(t.getPath()));
            }
            for (String path : counters) {
                Resource counter = r.getResource(path);
                if (counter == null) {
                    continue;
                }
                fold(instance, path, counter, fold);
                // a status count's shards (StatusCounters): one logical counter here
                for (Resource shard : counter.getChildren()) {
                    if (shard.getName().startsWith(StatusCounters.SHARD_PREFIX)) {
                        fold(instance, path, shard, fold);
                    }
                }
            }
            r.commit();
        }

        private void fold(String instance, String path, Resource counter, boolean fold) {
            Long delta = counter.getValueMap().get(CommentStore.PN_INCREMENT, Long.class);
            if (delta != null) {
                Objects.requireNonNull(counter.adaptTo(ModifiableValueMap.class))
                        .remove(CommentStore.PN_INCREMENT);
                add(instance, path, delta, fold);
            }
        }
    }
}
