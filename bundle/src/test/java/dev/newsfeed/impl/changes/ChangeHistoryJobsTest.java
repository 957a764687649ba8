package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import dev.newsfeed.impl.http.OriginCache;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.apache.sling.testing.mock.osgi.MockOsgi;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.ServiceReference;

/** The changes history's periodic jobs are leader jobs of the Sling scheduler, with the configured period. */
@ExtendWith(SlingContextExtension.class)
class ChangeHistoryJobsTest {

    private final SlingContext context = new SlingContext();

    private ServiceReference<Runnable> job(String name) throws Exception {
        var refs = context.bundleContext().getServiceReferences(Runnable.class, "(scheduler.name=" + name + ")");
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    @Test
    void goingLiveEveryConfiguredPeriodAndPruningOnAMinuteTickOnTheLeader() throws Exception {
        context.registerService(
                ServiceUserMapped.class,
                new ServiceUserMapped() {},
                ServiceUserMapped.SUBSERVICENAME,
                "content-writer");
        context.registerInjectActivateService(PurgeNotifier.class);
        context.registerInjectActivateService(OriginCache.class);
        ChangeHistory history = context.registerInjectActivateService(
                ChangeHistory.class, "golive.check.seconds", 7, "changes.retention.days", 9);
        assertEquals(9, history.retentionDays());
        ServiceReference<Runnable> goingLive = job(ChangeHistory.GOING_LIVE_JOB);
        ServiceReference<Runnable> prune = job(ChangeHistory.PRUNE_JOB);
        assertEquals(7L, goingLive.getProperty("scheduler.period"));
        assertEquals(60L, prune.getProperty("scheduler.period"));
        for (ServiceReference<Runnable> ref : List.of(goingLive, prune)) {
            assertEquals("LEADER", ref.getProperty("scheduler.runOn"));
            assertEquals(Boolean.FALSE, ref.getProperty("scheduler.concurrent"));
        }
        // the jobs run as plain Runnables (no site yet: nothing to do, nothing thrown)
        context.bundleContext().getService(goingLive).run();
        context.bundleContext().getService(prune).run();

        MockOsgi.deactivate(history, context.bundleContext());
        assertNull(job(ChangeHistory.GOING_LIVE_JOB), "deactivated: unscheduled");
        assertNull(job(ChangeHistory.PRUNE_JOB));
    }
}
