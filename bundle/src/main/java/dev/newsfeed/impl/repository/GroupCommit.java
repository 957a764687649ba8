package dev.newsfeed.impl.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writes that arrive together are done together, by one thread, in one batch (one repository commit, one
 * disk flush), and each caller waits until its batch is done. A caller is answered exactly as if its write had been
 * done alone: its own result, or the batch's failure. Nothing is gathered on purpose: a batch is whatever queued up
 * while the previous one was being written, so a lone write waits for nothing and a flood shares the cost.
 *
 * @param <T> one write
 * @param <R> its result
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    /** Does a batch of writes; one result per write, in order. */
    @FunctionalInterface
    public interface Batch<T, R> {
        List<R> write(List<T> items) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T, R>(T item, CompletableFuture<R> result) {}

    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Batch<T, R> batch;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean closed;

    public GroupCommit(String name, int maxBatch, Batch<T, R> batch) {
        this.batch = batch;
        this.maxBatch = Math.max(1, maxBatch);
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes {@code item} with whatever else is waiting; its result once its batch is done.
     *
     * @throws Exception what the batch threw (for every write in it)
     */
    public R submit(T item) throws Exception {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(item, result));
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void run() {
        List<Pending<T, R>> pending = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                Pending<T, R> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                pending.add(first);
                queue.drainTo(pending, maxBatch - 1);
                write(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                pending.clear();
            }
        }
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("closed"));
        }
    }

    private void write(List<Pending<T, R>> pending) {
        List<T> items = new ArrayList<>(pending.size());
        pending.forEach(p -> items.add(p.item()));
        try {
            List<R> results = batch.write(items);
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).result().complete(results.get(i));
            }
        } catch (Exception | Error e) { // every caller hears of it; the writer goes on with the next batch
            if (e instanceof Error) {
                log.error("A batch of {} writes failed", items.size(), e);
            }
            pending.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
