package dev.newsfeed.impl.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServletRequest;

import org.jetbrains.annotations.Nullable;

/**
 * Tokens against cross-site request forgery: an HMAC of the user id and the moment of issue, valid for
 * {@link #MAX_AGE}. A browser session that signed in with a cookie sends one in {@link #HEADER} with every write; a
 * page of another site cannot read it, so it cannot forge the write.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-Newsfeed-CSRF";
    public static final Duration MAX_AGE = Duration.ofHours(12);

    private static final String VERSION = "1";
    private final byte[] key;

    public CsrfTokens(byte[] key) {
        this.key = key.clone();
    }

    /** A token for {@code user}, issued at {@code now}. */
    public String issue(String user, Instant now) {
        String issued = Long.toString(now.getEpochSecond());
        return VERSION + "." + issued + "." + mac(user, issued);
    }

    /** When the token expires; for the client, so it can fetch a new one in time. */
    public static Instant expires(Instant issued) {
        return issued.plus(MAX_AGE);
    }

    /** Whether {@code token} was issued by us for {@code user} within {@link #MAX_AGE} before {@code now}. */
    public boolean valid(@Nullable String token, String user, Instant now) {
        if (token == null || token.length() > 120) {
            return false;
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(issued);
        if (at.isAfter(now.plusSeconds(60)) || at.plus(MAX_AGE).isBefore(now)) {
            return false;
        }
        return MessageDigest.isEqual(
                mac(user, parts[1]).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether a request must carry a token: every request that may change something (not GET, HEAD, OPTIONS) and is
     * not authenticated by an {@code Authorization} header, i.e. by a cookie (Sling's form login, AEM's login token)
     * or another credential a browser sends on its own. A request with an {@code Authorization} header needs one only
     * when a browser marks it as sent from another site ({@code Sec-Fetch-Site}): browsers resend cached Basic
     * credentials by themselves too.
     */
    public static boolean required(HttpServletRequest request) {
        String method = request.getMethod() == null ? "" : request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
    }

    private String mac(String user, String issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + issued + ":" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
