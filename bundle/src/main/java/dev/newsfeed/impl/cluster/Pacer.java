package dev.newsfeed.impl.cluster;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jetbrains.annotations.Nullable;

/**
 * Paces a job that a fixed-period {@link LeaderJob} ticks: runs it when it is due, first after a delay (or once
 * {@link #dueNow} was called), then after the delay each run returns. So a job keeps its own first delay and its
 * adaptive period (such as "every 60 s, every 5 s while something differs") while the scheduler decides where it
 * runs. The pacer lives on every instance; only the leader's ticks reach it, so a job that became due while its
 * instance was not the leader runs at the first tick after the instance becomes it.
 */
public final class Pacer {

    private final LongSupplier nanos;
    private boolean armed;
    private long due;

    /** Due {@code first} after now ({@link System#nanoTime} clock); with null, not before {@link #dueNow}. */
    public Pacer(@Nullable Duration first) {
        this(System::nanoTime, first);
    }

    /** As {@link #Pacer(Duration)}, with a clock of nanoseconds (tests). */
    public Pacer(LongSupplier nanos, @Nullable Duration first) {
        this.nanos = nanos;
        if (first != null) {
            armed = true;
            due = nanos.getAsLong() + first.toNanos();
        }
    }

    /** Makes the job due at the next tick. */
    public synchronized void dueNow() {
        armed = true;
        due = nanos.getAsLong();
    }

    /** Whether the job is due now. */
    public synchronized boolean isDue() {
        return armed && nanos.getAsLong() - due >= 0;
    }

    /** Runs {@code job} if it is due, and makes it due again after the delay it returns. */
    public void tick(Supplier<Duration> job) {
        if (!isDue()) {
            return;
        }
        Duration next = job.get();
        synchronized (this) {
            armed = true;
            due = nanos.getAsLong() + next.toNanos();
        }
    }
}
