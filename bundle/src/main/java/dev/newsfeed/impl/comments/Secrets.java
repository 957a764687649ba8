package dev.newsfeed.impl.comments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jetbrains.annotations.Nullable;

/**
 * Keyed hashes with the instance's (cluster-wide) secret: form tokens that carry when a comment form was handed out,
 * and salted hashes of client addresses, so no address is ever stored.
 */
public final class Secrets {

    private final byte[] key;

    public Secrets(byte[] key) {
        this.key = key.clone();
    }

    /** A token saying the form for {@code articleId} was handed out at {@code issued}. */
    public String formToken(String articleId, Instant issued) {
        String body = issued.getEpochSecond() + "." + articleId;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((body + "." + mac("form:" + body, 16)).getBytes(StandardCharsets.US_ASCII));
    }

    /** When the form was handed out, or null when the token is not ours, not for this article, or too old. */
    public @Nullable Instant tokenIssued(@Nullable String token, String articleId, Instant now, Duration maxAge) {
        if (token == null || token.length() > 200) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            int last = text.lastIndexOf('.');
            String body = text.substring(0, last);
            if (!mac("form:" + body, 16).equals(text.substring(last + 1))) {
                return null;
            }
            int first = body.indexOf('.');
            if (!body.substring(first + 1).equals(articleId)) {
                return null;
            }
            Instant issued = Instant.ofEpochSecond(Long.parseLong(body.substring(0, first)));
            return issued.isAfter(now.plusSeconds(60)) || issued.plus(maxAge).isBefore(now) ? null : issued;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A salted hash of a client address, for rate limits and moderators; the address is not recoverable. */
    public String clientHash(String address) {
        return mac("client:" + address, 22);
    }

    /** A keyed hash of a text, for duplicate detection without storing the text twice. */
    public String hash(String text) {
        return mac("text:" + text, 32);
    }

    /**
     * A key for another purpose (CSRF tokens), derived from the secret so that no purpose can forge the tokens of
     * another.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("derive:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private String mac(String text, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String encoded = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            return encoded.substring(0, Math.min(length, encoded.length()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
