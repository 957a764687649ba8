package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class AntiAbuseTest {

    @Test
    void tokenBucketsGrantABurstThenRefillOverTime() {
        TokenBuckets buckets = new TokenBuckets(3, 60); // one a second
        long t = 0;
        assertEquals(0, buckets.take("a", t));
        assertEquals(0, buckets.take("a", t));
        assertEquals(0, buckets.take("a", t));
        assertEquals(1, buckets.take("a", t));
        assertEquals(0, buckets.take("b", t), "another client has its own bucket");
        assertEquals(0, buckets.take("a", t + 1_000_000_000L));
        assertTrue(buckets.take("a", t + 1_000_000_000L) >= 1);
    }

    @Test
    void retryAfterSaysWhenTheNextTokenComes() {
        TokenBuckets slow = new TokenBuckets(1, 2); // one every 30 s
        assertEquals(0, slow.take("a", 0));
        assertEquals(30, slow.take("a", 0));
        assertEquals(20, slow.take("a", 10_000_000_000L));
    }

    @Test
    void believesForwardedHeadersOnlyFromTrustedProxies() {
        List<String> proxies = List.of("10.0.0.0/8", "192.168.1.5");
        assertEquals(
                "203.0.113.9",
                ClientAddress.resolve("203.0.113.9", "1.2.3.4", List.of()),
                "no trusted proxy: the header is ignored");
        assertEquals(
                "203.0.113.9",
                ClientAddress.resolve("203.0.113.9", "1.2.3.4", proxies),
                "the connection is not a trusted proxy");
        assertEquals(
                "198.51.100.7",
                ClientAddress.resolve("10.1.2.3", "1.2.3.4, 198.51.100.7, 192.168.1.5", proxies),
                "the rightmost address not a proxy; what the client wrote on the left is ignored");
        assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", "10.9.9.9", proxies));
        assertEquals("2001:db8::1", ClientAddress.resolve("fd00::1", "2001:db8::1", List.of("fd00::/8")));
        assertEquals(
                "10.1.2.3", ClientAddress.resolve("10.1.2.3", "evil.example", List.of("10.0.0.0/8", "evil.example")));
    }

    @Test
    void formTokensCarryTheirIssueTimeAndCannotBeForged() {
        Secrets secrets = new Secrets("secret-of-the-test-0123456789abc".getBytes());
        Instant issued = Instant.parse("2022-01-10T10:00:00Z");
        String token = secrets.formToken("article-1", issued);
        Duration week = Duration.ofDays(7);
        assertEquals(issued, secrets.tokenIssued(token, "article-1", issued.plusSeconds(5), week));
        assertNull(secrets.tokenIssued(token, "article-2", issued.plusSeconds(5), week), "another article");
        assertNull(secrets.tokenIssued(token, "article-1", issued.plus(Duration.ofDays(8)), week), "too old");
        assertNull(
                secrets.tokenIssued(
                        new Secrets("another-secret-0123456789abcdefgh".getBytes())
                                .formToken("article-1", issued.minusSeconds(60)),
                        "article-1",
                        issued,
                        week),
                "another key");
        assertNull(secrets.tokenIssued("garbage", "article-1", issued, week));
        assertNull(secrets.tokenIssued(null, "article-1", issued, week));
    }

    @Test
    void hashesAddressesWithoutKeepingThem() {
        Secrets secrets = new Secrets("secret-of-the-test-0123456789abc".getBytes());
        String hash = secrets.clientHash("203.0.113.9");
        assertEquals(hash, secrets.clientHash("203.0.113.9"));
        assertNotEquals(hash, secrets.clientHash("203.0.113.10"));
        assertTrue(!hash.contains("203"));
    }

    @Test
    void idsSortByTimeAndNameTheirDay() {
        String a = CommentIds.next(Instant.parse("2022-01-10T10:40:00.123Z"));
        String b = CommentIds.next(Instant.parse("2022-01-10T10:40:00.124Z"));
        assertTrue(a.compareTo(b) < 0);
        assertTrue(a.matches("20220110-104000123-[a-z0-9]{8}"), a);
        assertEquals(LocalDate.of(2022, 1, 10), CommentIds.day(a));
        assertNull(CommentIds.day("../../etc"));
        assertNotNull(CommentIds.day(b));
    }
}
