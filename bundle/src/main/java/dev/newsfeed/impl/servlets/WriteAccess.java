package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.Map;

import javax.jcr.AccessDeniedException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.http.RequestFields;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.jetbrains.annotations.Nullable;

/**
 * What the write endpoints share: who may write (signed in, a CSRF token where a browser's cookie signed the request
 * in, and the repository's permission), reading the body, and the problems they answer.
 */
final class WriteAccess {

    static final int MAX_BODY_BYTES = 1_048_576;
    static final String AUTHORS = "a member of newsfeed-authors";

    private WriteAccess() {}

    /**
     * 401 for anonymous callers; 403 (problem {@code csrf}) for a write without the CSRF token it needs (see
     * {@link dev.newsfeed.impl.http.CsrfTokens#required}); 403 when the caller may not perform the JCR actions on the
     * path.
     */
    static boolean authorize(
            CsrfGuard csrf,
            SlingHttpServletRequest request,
            SlingHttpServletResponse response,
            String path,
            String actions)
            throws IOException {
        return authorize(csrf, request, response, path, actions, AUTHORS);
    }

    /** As {@link #authorize(CsrfGuard, SlingHttpServletRequest, SlingHttpServletResponse, String, String)};
     * {@code who} names who may do it, for the problem's detail. */
    static boolean authorize(
            CsrfGuard csrf,
            SlingHttpServletRequest request,
            SlingHttpServletResponse response,
            String path,
            String actions,
            String who)
            throws IOException {
        if (!signedIn(request, response, who) || !csrf.check(request, response)) {
            return false;
        }
        if (may(request, path, actions)) {
            return true;
        }
        forbidden(request, response, who);
        return false;
    }

    /**
     * For safe requests (GET) that only some may make: 401 for anonymous callers, 403 when the caller may not perform
     * the JCR actions on the path. No CSRF token: nothing is written.
     */
    static boolean permitted(
            SlingHttpServletRequest request, SlingHttpServletResponse response, String path, String actions, String who)
            throws IOException {
        if (!signedIn(request, response, who)) {
            return false;
        }
        if (may(request, path, actions)) {
            return true;
        }
        forbidden(request, response, who);
        return false;
    }

    /**
     * 401 for anonymous callers, with a Basic challenge for API clients; not for scripts that say
     * {@code X-Requested-With: XMLHttpRequest} (the console), where the browser would open its password dialog.
     */
    static boolean signedIn(SlingHttpServletRequest request, SlingHttpServletResponse response, String who)
            throws IOException {
        if (Requests.isAnonymous(request.getResourceResolver())) {
            if (!"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Newsfeed\"");
            }
            Responses.problem(request, response, 401, "unauthorized", "Unauthorized", "Sign in as " + who + ".");
            return false;
        }
        return true;
    }

    /** Whether the caller's session may perform the JCR actions on the path (which need not exist). */
    static boolean may(SlingHttpServletRequest request, String path, String actions) {
        if (Requests.isAnonymous(request.getResourceResolver())) {
            return false;
        }
        Session session = request.getResourceResolver().adaptTo(Session.class);
        try {
            return session != null && session.hasPermission(path, actions);
        } catch (RepositoryException e) {
            return false; // treated as no permission
        }
    }

    static void forbidden(SlingHttpServletRequest request, SlingHttpServletResponse response) throws IOException {
        forbidden(request, response, AUTHORS);
    }

    static void forbidden(SlingHttpServletRequest request, SlingHttpServletResponse response, String who)
            throws IOException {
        Responses.problem(request, response, 403, "forbidden", "Forbidden", "Only " + who + " may do this.");
    }

    /** The request's fields, or null after answering 4xx (too large, wrong type, malformed JSON). */
    static @Nullable Map<String, Object> fields(SlingHttpServletRequest request, SlingHttpServletResponse response)
            throws IOException {
        try {
            return RequestFields.read(request, MAX_BODY_BYTES);
        } catch (RequestFields.Refused e) {
            Responses.refused(request, response, e);
            return null;
        }
    }

    /** Whether a failed write was refused by the repository's access control. */
    static boolean isAccessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException
                    || (t.getMessage() != null && t.getMessage().contains("OakAccess"))) {
                return true;
            }
        }
        return false;
    }
}
