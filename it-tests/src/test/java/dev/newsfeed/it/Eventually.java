package dev.newsfeed.it;

import java.time.Duration;

/**
 * Repeats assertions until they hold or a timeout passes, for what Newsfeed does after a write it did not receive
 * itself (Sling's POST servlet, packages): its listener catches up within moments.
 */
final class Eventually {

    private Eventually() {}

    static void within(Duration timeout, Runnable assertions) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertions.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
