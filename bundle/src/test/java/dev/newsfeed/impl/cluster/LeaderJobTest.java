package dev.newsfeed.impl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** A leader job is a Runnable with exactly the Sling scheduler's whiteboard properties for one run per cluster. */
@ExtendWith(SlingContextExtension.class)
class LeaderJobTest {

    private final SlingContext context = new SlingContext();

    @Test
    void registersTheTaskForTheSchedulersWhiteboard() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ServiceRegistration<Runnable> registration =
                LeaderJob.schedule(context.bundleContext(), "newsfeed-test", 15, runs::incrementAndGet);
        ServiceReference<Runnable> ref = job();
        // the property names and types Sling Commons Scheduler 2.7's WhiteboardHandler reads
        assertEquals(15L, ref.getProperty("scheduler.period"));
        assertEquals(Boolean.FALSE, ref.getProperty("scheduler.concurrent"));
        assertEquals("LEADER", ref.getProperty("scheduler.runOn"));
        assertEquals("newsfeed-test", ref.getProperty("scheduler.name"));
        assertNull(ref.getProperty("scheduler.immediate"), "first run one period after start, as before");
        context.bundleContext().getService(ref).run();
        assertEquals(1, runs.get());

        LeaderJob.cancel(registration);
        assertNull(job(), "unregistered: the scheduler unschedules it");
        LeaderJob.cancel(registration);
        LeaderJob.cancel(null);
    }

    private ServiceReference<Runnable> job() throws Exception {
        var refs = context.bundleContext().getServiceReferences(Runnable.class, "(scheduler.name=newsfeed-test)");
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    @Test
    void thePeriodIsAtLeastOneSecond() {
        assertEquals(1L, LeaderJob.properties("x", 0).get("scheduler.period"));
    }
}
