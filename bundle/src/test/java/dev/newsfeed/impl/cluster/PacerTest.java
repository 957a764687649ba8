package dev.newsfeed.impl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A paced job keeps its first delay and the period each run asks for, whatever the scheduler's tick. */
class PacerTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger runs = new AtomicInteger();

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    private Duration run(Duration next) {
        runs.incrementAndGet();
        return next;
    }

    @Test
    void runsFirstAfterItsDelayThenAfterTheDelayEachRunAsksFor() {
        Pacer pacer = new Pacer(clock::get, Duration.ofMinutes(1));
        advance(Duration.ofSeconds(59));
        pacer.tick(() -> run(Duration.ofHours(1)));
        assertEquals(0, runs.get(), "not before its first delay");
        advance(Duration.ofSeconds(1));
        pacer.tick(() -> run(Duration.ofHours(1)));
        assertEquals(1, runs.get());
        advance(Duration.ofMinutes(59));
        pacer.tick(() -> run(Duration.ofSeconds(5)));
        assertEquals(1, runs.get(), "the hour the run asked for");
        advance(Duration.ofMinutes(1));
        pacer.tick(() -> run(Duration.ofSeconds(5)));
        advance(Duration.ofSeconds(5));
        pacer.tick(() -> run(Duration.ofSeconds(60)));
        assertEquals(3, runs.get(), "a run may ask for a shorter period");
    }

    @Test
    void withoutAFirstDelayItWaitsUntilMadeDue() {
        Pacer pacer = new Pacer(clock::get, null);
        advance(Duration.ofDays(1));
        assertFalse(pacer.isDue());
        pacer.tick(() -> run(Duration.ofSeconds(60)));
        assertEquals(0, runs.get());
        pacer.dueNow();
        assertTrue(pacer.isDue());
        pacer.tick(() -> run(Duration.ofSeconds(60)));
        pacer.tick(() -> run(Duration.ofSeconds(60)));
        assertEquals(1, runs.get(), "once, then not before its period");
    }

    @Test
    void aJobDueWhileNotTickedRunsAtTheFirstTickLater() {
        // the pacer of an instance that is not the leader is never ticked; once it is, the overdue job runs at once
        Pacer pacer = new Pacer(clock::get, Duration.ZERO);
        advance(Duration.ofHours(5));
        pacer.tick(() -> run(Duration.ofHours(1)));
        pacer.tick(() -> run(Duration.ofHours(1)));
        assertEquals(1, runs.get(), "one run for the missed ones, not one each");
    }

    @Test
    void theClockMayWrap() {
        clock.set(Long.MAX_VALUE - 10);
        Pacer pacer = new Pacer(clock::get, Duration.ofNanos(20));
        assertFalse(pacer.isDue());
        advance(Duration.ofNanos(20));
        assertTrue(pacer.isDue());
    }
}
