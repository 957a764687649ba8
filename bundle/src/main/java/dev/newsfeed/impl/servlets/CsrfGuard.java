package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.comments.CommentSecret;
import dev.newsfeed.impl.http.CsrfTokens;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and checks the CSRF tokens of the write endpoints ({@link CsrfTokens}), keyed with a key derived from the
 * instance's shared secret, so a token issued by one cluster instance is good on every other.
 */
@Component(service = CsrfGuard.class)
public final class CsrfGuard {

    private static final Logger log = LoggerFactory.getLogger(CsrfGuard.class);

    @Reference
    private CommentSecret secret;

    private volatile CsrfTokens tokens;

    public CsrfGuard() {}

    /** For tests: a guard with a fixed key. */
    public CsrfGuard(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    /** A token for the signed-in user of the request. */
    String issue(String user, Instant now) throws LoginException, PersistenceException, RepositoryException {
        return tokens().issue(user, now);
    }

    /**
     * Whether the request may go on: it needs no token ({@link CsrfTokens#required}) or carries a valid one for its
     * user. Otherwise answers 403 (problem {@code csrf}), or 503 when the key cannot be read.
     */
    boolean check(SlingHttpServletRequest request, SlingHttpServletResponse response) throws IOException {
        if (!CsrfTokens.required(request)) {
            return true;
        }
        String user = request.getResourceResolver().getUserID();
        try {
            if (user != null && tokens().valid(request.getHeader(CsrfTokens.HEADER), user, Instant.now())) {
                return true;
            }
        } catch (LoginException | PersistenceException | RepositoryException e) {
            log.warn("Cannot read the key of CSRF tokens: {}", e.toString());
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The request could not be checked; try again.");
            return false;
        }
        Responses.problem(
                request,
                response,
                403,
                "csrf",
                "Forbidden",
                "A write from a signed-in browser must carry the header " + CsrfTokens.HEADER + " with a token from "
                        + "GET {site}.csrf.json (or be sent with an Authorization header).");
        return false;
    }

    private CsrfTokens tokens() throws LoginException, PersistenceException, RepositoryException {
        CsrfTokens t = tokens;
        if (t == null) {
            t = new CsrfTokens(secret.secrets().derive("csrf"));
            tokens = t;
        }
        return t;
    }
}
