package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrustedHostsTest {

    private final TrustedHosts defaults = TrustedHosts.of(new String[] {"localhost", "127.0.0.1", "[::1]"});

    @Test
    void formsUrlsFromATrustedHostOnThePortTheConnectionCameIn() {
        assertEquals("http://127.0.0.1:8080", defaults.baseUrl(false, "127.0.0.1", 8080, 8080));
        assertEquals("http://localhost:8080", defaults.baseUrl(false, "LOCALHOST", 8080, 8080));
        assertEquals("http://[::1]:8080", defaults.baseUrl(false, "[::1]", 8080, 8080));
    }

    @Test
    void neverEchoesAHostTheClientChose() {
        assertEquals("http://localhost:8080", defaults.baseUrl(false, "evil.example", 8080, 8080));
        assertEquals("http://localhost:8080", defaults.baseUrl(false, "evil.example", 80, 8080));
        assertEquals("http://localhost:8080", defaults.baseUrl(false, "", 8080, 8080));
        assertEquals("http://localhost:8080", defaults.baseUrl(false, null, -1, 8080));
    }

    @Test
    void aTrustedNameOnAnotherPortIsNotTrusted() {
        assertEquals("http://localhost:8080", defaults.baseUrl(false, "localhost", 6666, 8080));
        assertEquals("http://localhost:8080", defaults.baseUrl(false, "127.0.0.1", 80, 8080));
    }

    @Test
    void anEntryWithAPortTrustsThatPortBehindAProxy() {
        TrustedHosts hosts = TrustedHosts.of(new String[] {"news.example:443", " "});
        assertEquals("https://news.example", hosts.baseUrl(true, "news.example", 443, 8443));
        assertEquals("http://localhost:8080", hosts.baseUrl(false, "news.example", 80, 8080));
        assertEquals("https://localhost:8443", hosts.baseUrl(true, "other.example", 443, 8443));
    }
}
