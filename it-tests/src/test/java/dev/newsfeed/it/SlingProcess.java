package dev.newsfeed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Sling of a test's own, started with the same launcher and feature as the IT instance, on a free port with its
 * own home, for what the shared instance must not suffer (being killed).
 */
final class SlingProcess {

    private final Path home;
    private final int port;
    private Process process;

    SlingProcess(String name) {
        this.home = Path.of(SlingInstance.requiredProperty("sling.scratch"), name);
        this.port = freePort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void start() {
        try {
            Files.createDirectories(home);
            process = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx1g",
                            "--add-opens",
                            "java.base/java.lang=ALL-UNNAMED",
                            "-cp",
                            SlingInstance.requiredProperty("sling.launcher.lib") + "/*",
                            "org.apache.sling.feature.launcher.impl.Main",
                            "-f",
                            SlingInstance.requiredProperty("sling.feature"),
                            "-p",
                            home.resolve("sling").toString(),
                            "-c",
                            home.resolve("cache").toString(),
                            "-D",
                            "org.osgi.service.http.port=" + port,
                            "-D",
                            "org.apache.felix.http.host=127.0.0.1",
                            "-V",
                            "sling.home=" + home.resolve("sling")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("launcher.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Sling in " + home, e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
