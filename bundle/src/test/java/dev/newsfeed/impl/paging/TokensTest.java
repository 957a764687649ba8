package dev.newsfeed.impl.paging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    private static final Tokens TOKENS = new Tokens("test-kind", "t1", 2);

    @Test
    void roundTripsItsFields() {
        assertArrayEquals(new String[] {"-42", "abc_D:9"}, TOKENS.decode(TOKENS.encode("-42", "abc_D:9")));
    }

    @Test
    void isUrlSafeText() {
        assertEquals(true, TOKENS.encode("1", "x").matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void refusesATokenOfAnotherKindOrVersion() {
        String token = TOKENS.encode("1", "x");
        assertNull(new Tokens("other-kind", "t1", 2).decode(token));
        assertNull(new Tokens("test-kind", "t2", 2).decode(token));
        assertNull(new Tokens("test-kind", "t1", 3).decode(token));
    }

    @Test
    void refusesEveryCutOrEditedToken() {
        String token = TOKENS.encode("1641811200000", "abc");
        for (int i = 0; i < token.length(); i++) {
            assertNull(TOKENS.decode(token.substring(0, i)), "cut at " + i);
            for (char c : new char[] {'A', 'z', '0', '-', '_'}) {
                if (token.charAt(i) != c) {
                    String edited = token.substring(0, i) + c + token.substring(i + 1);
                    String[] decoded = TOKENS.decode(edited);
                    // the last character carries only padding bits, which the decoder may ignore
                    if (decoded != null) {
                        assertArrayEquals(new String[] {"1641811200000", "abc"}, decoded, edited);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1234567", "abcdefgh", "!!!", "%00", "dDEuMS54LmFiY2RlZmdo", "....", "ü"})
    void refusesGarbage(String garbage) {
        assertNull(TOKENS.decode(garbage));
        assertNull(TOKENS.decode(null));
        assertNull(TOKENS.decode("A".repeat(Tokens.MAX_LENGTH + 1)));
    }

    @Test
    void refusesFieldsItCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> TOKENS.encode("a.b", "c"));
        assertThrows(IllegalArgumentException.class, () -> TOKENS.encode("", "c"));
        assertThrows(IllegalArgumentException.class, () -> TOKENS.encode("a"));
    }

    @Test
    void decodesCursorsGivenOutBeforeTheCodecExisted() throws Exception {
        String feed = legacy("newsfeed-cursor:", "1.1641811200000.0859dc03-5c65-5564-b77d-a272e2cf9caf");
        assertEquals(new Cursor(1641811200000L, "0859dc03-5c65-5564-b77d-a272e2cf9caf"), Cursor.decode(feed));
        assertEquals(feed, Cursor.decode(feed).encode());
        String author = legacy("newsfeed-author-cursor:", "a1.d.1641811200000.abc-1");
        assertEquals(new AuthorCursor(true, 1641811200000L, "abc-1"), AuthorCursor.decode(author));
        assertEquals(author, AuthorCursor.decode(author).encode());
    }

    /** The encoding Cursor and AuthorCursor used before they shared this codec. */
    private static String legacy(String salt, String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((salt + text).getBytes(StandardCharsets.US_ASCII));
        String checksum =
                Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((text + "." + checksum).getBytes(StandardCharsets.US_ASCII));
    }
}
