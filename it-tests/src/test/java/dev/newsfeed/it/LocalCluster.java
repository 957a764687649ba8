package dev.newsfeed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster the cluster ITs run against, started once per JVM the way a user starts it: {@code ./newsfeed start
 * --cluster} (PostgreSQL, two Sling nodes on one Oak DocumentNodeStore, Varnish in front), on an empty repository in
 * {@code target/cluster-home}, from the build under way ({@code NEWSFEED_NO_BUILD=1}); stopped with {@code ./newsfeed
 * stop} when the JVM exits. Ports: Varnish on a free base port P, node N on P + N (docs/operations.md).
 */
final class LocalCluster {

    private static final long START_MINUTES = 15;
    private static LocalCluster cluster;
    private static RuntimeException startFailure;

    private final Path script = Path.of(SlingInstance.requiredProperty("newsfeed.script"));
    private final Path home = Path.of(SlingInstance.requiredProperty("cluster.home"));
    private final int port = freeBasePort();

    private LocalCluster() {}

    /** The running cluster; the first call starts it (minutes on an empty repository). */
    static synchronized LocalCluster started() {
        if (cluster == null && startFailure == null) {
            LocalCluster starting = new LocalCluster();
            try {
                starting.deleteHome();
                Runtime.getRuntime().addShutdownHook(new Thread(starting::stop));
                starting.run("start", "--cluster");
                cluster = starting;
            } catch (RuntimeException e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException("the cluster did not start: " + startFailure.getMessage(), startFailure);
        }
        return cluster;
    }

    /** Varnish: the URL readers use. */
    SlingInstance cache() {
        return SlingInstance.at("http://127.0.0.1:" + port);
    }

    SlingInstance node(int n) {
        return SlingInstance.at("http://127.0.0.1:" + (port + n));
    }

    /** SIGKILL of node N: no shutdown, no lease given back. */
    void kill(int n) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("cluster/node" + n + "/sling.pid"))
                    .trim());
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("killing node " + n + " failed", e);
        }
    }

    /** {@code ./newsfeed start --cluster} again: starts what does not run (a killed node), waits until it is ready. */
    void restart() {
        run("start", "--cluster");
    }

    private void stop() {
        try {
            run("stop");
        } catch (RuntimeException e) {
            System.err.println("LocalCluster: " + e.getMessage());
        }
    }

    private void run(String... args) {
        Path log = home.resolve("newsfeed-" + args[0] + ".log");
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(
                            Stream.concat(Stream.of("bash", script.toString()), Stream.of(args))
                                    .toList())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(script.getParent().toFile());
            Map<String, String> env = builder.environment();
            env.put("NEWSFEED_PORT", Integer.toString(port));
            env.put("NEWSFEED_HOME", home.toString());
            env.put("NEWSFEED_NO_BUILD", "1");
            Process process = builder.start();
            if (!process.waitFor(START_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "./newsfeed " + String.join(" ", args) + " did not return; " + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "./newsfeed " + String.join(" ", args) + " failed (" + process.exitValue() + "): " + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** An empty repository each run; nothing of the cluster may still run from an earlier one. */
    private void deleteHome() {
        if (!Files.exists(home)) {
            return;
        }
        stop();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + home, e);
        }
    }

    /** P such that P ... P + 4 are free. */
    private static int freeBasePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 29_000);
            if (free(base) && free(base + 1) && free(base + 2) && free(base + 3) && free(base + 4)) {
                return base;
            }
        }
        throw new IllegalStateException("no five free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
