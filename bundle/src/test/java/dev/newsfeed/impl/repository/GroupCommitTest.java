package dev.newsfeed.impl.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void writesThatArriveTogetherShareABatchAndEachGetsItsOwnResult() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<Integer, String> commit = new GroupCommit<>("test", 64, items -> {
            batchSizes.add(items.size());
            firstBatchRunning.countDown();
            release.await();
            List<String> out = new ArrayList<>();
            items.forEach(i -> out.add("stored " + i));
            return out;
        })) {
            ExecutorService callers = Executors.newFixedThreadPool(20);
            Future<String> first = callers.submit(() -> commit.submit(0));
            firstBatchRunning.await();
            List<Future<String>> rest = new ArrayList<>();
            for (int i = 1; i <= 19; i++) {
                int n = i;
                rest.add(callers.submit(() -> commit.submit(n)));
            }
            Thread.sleep(300); // all 19 wait while the first batch is written
            release.countDown();
            assertEquals("stored 0", first.get());
            for (int i = 1; i <= 19; i++) {
                assertEquals("stored " + i, rest.get(i - 1).get());
            }
            callers.shutdown();
            assertEquals(20, batchSizes.stream().mapToInt(Integer::intValue).sum());
            assertEquals(2, batchSizes.size(), "one lone write, then the 19 that queued meanwhile: " + batchSizes);
        }
    }

    @Test
    void aFailedBatchFailsEveryWriteInItAndTheNextBatchGoesOn() throws Exception {
        try (GroupCommit<String, String> commit = new GroupCommit<>("test", 8, items -> {
            if (items.contains("bad")) {
                throw new IOException("disk full");
            }
            return items;
        })) {
            IOException e = assertThrows(IOException.class, () -> commit.submit("bad"));
            assertEquals("disk full", e.getMessage());
            assertEquals("good", commit.submit("good"));
        }
    }

    @Test
    void batchesAreBounded() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 4, items -> {
            sizes.add(items.size());
            Thread.sleep(20);
            return items;
        })) {
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                all.add(callers.submit(() -> commit.submit(n)));
            }
            for (int i = 0; i < 16; i++) {
                assertEquals(i, all.get(i).get());
            }
            callers.shutdown();
            assertTrue(sizes.stream().allMatch(s -> s <= 4), sizes.toString());
        }
    }
}
