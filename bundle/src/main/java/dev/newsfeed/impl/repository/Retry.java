package dev.newsfeed.impl.repository;

import java.util.concurrent.ThreadLocalRandom;

import javax.jcr.InvalidItemStateException;
import javax.jcr.RepositoryException;

import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.ResourceResolver;

/**
 * Runs a unit of repository work and commits it, repeating the whole unit after a merge conflict (another
 * session or cluster instance changed the same item first). The unit must recompute what it writes from what it
 * reads, so the repeat sees the other writer's result and loses nothing.
 */
public final class Retry {

    /** A unit of work on a resolver; it must not commit. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ResourceResolver resolver) throws PersistenceException, RepositoryException;
    }

    static final int ATTEMPTS = 12;

    private Retry() {}

    public static <T> T commit(ResourceResolver resolver, Work<T> work)
            throws PersistenceException, RepositoryException {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.run(resolver);
                resolver.commit();
                return result;
            } catch (PersistenceException | RepositoryException e) {
                resolver.revert();
                resolver.refresh();
                if (!isConflict(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Whether an exception is Oak's merge conflict (OakState0001, or OakMerge0001 on a DocumentNodeStore) or a stale
     * item, which a fresh attempt resolves.
     */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidItemStateException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("OakState0001") || message.contains("OakMerge0001"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        long bound = Math.min(500, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
