package dev.newsfeed.impl.cluster;

import java.util.Dictionary;
import java.util.Hashtable;

import org.jetbrains.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Periodic work that runs on one instance of a cluster at a time, through Sling's own mechanism: the task is
 * registered as a {@link Runnable} with the whiteboard properties of the Sling Commons Scheduler. Every instance's
 * scheduler (Quartz) fires it every period, first one period after registration, and runs it only where discovery
 * says this instance is the leader ({@code scheduler.runOn=LEADER}, evaluated at every firing), never twice at once
 * on one instance ({@code scheduler.concurrent=false}). On a single instance the leader is that instance.
 *
 * <p>What that means for the work (Sling Commons Scheduler 2.7, discovery.oak 1.2): nothing runs before discovery
 * has sent its first topology (seconds after start) nor while the topology is changing; when the leader stops
 * cleanly, the next leader takes over within seconds; when it dies ({@code kill -9}), only once Oak's lease of the
 * dead instance has expired (about two minutes), and the new leader runs the job at its next period. A run that
 * was under way when leadership moved finishes; so every task must tolerate one overlapping run on another instance
 * (commit through {@code Retry} and claim what it announces, as the going-live check does). A launch without
 * discovery never runs these jobs.
 */
public final class LeaderJob {

    static final String PERIOD = "scheduler.period";
    static final String CONCURRENT = "scheduler.concurrent";
    static final String RUN_ON = "scheduler.runOn";
    static final String LEADER = "LEADER";
    static final String NAME = "scheduler.name";

    private LeaderJob() {}

    /** Registers {@code task} to run every {@code periodSeconds} (at least 1) on the leader; unregister to stop. */
    public static ServiceRegistration<Runnable> schedule(
            BundleContext context, String name, long periodSeconds, Runnable task) {
        return context.registerService(Runnable.class, task, properties(name, periodSeconds));
    }

    /** The scheduler's whiteboard properties for a leader-only job. */
    static Dictionary<String, Object> properties(String name, long periodSeconds) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(PERIOD, Math.max(1, periodSeconds));
        props.put(CONCURRENT, Boolean.FALSE);
        props.put(RUN_ON, LEADER);
        props.put(NAME, name);
        return props;
    }

    /** Stops a job registered by {@link #schedule}; nothing when it is null or already gone. */
    public static void cancel(@Nullable ServiceRegistration<?> registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already unregistered (the bundle is stopping)
        }
    }
}
