package dev.newsfeed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/** A small HTTP endpoint standing in for a CDN's purge API: it records every purge request Newsfeed sends. */
final class PurgeReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> received = new ArrayList<>();

    PurgeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/purge", exchange -> {
            JsonNode body = SlingInstance.MAPPER.readTree(exchange.getRequestBody());
            synchronized (received) {
                received.add(body);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/purge";
    }

    List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
