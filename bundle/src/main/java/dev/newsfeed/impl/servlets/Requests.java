package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.request.RequestParameter;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/** Small facts about a request that several servlets check, and the 404 of a document asked in another form. */
final class Requests {

    private Requests() {}

    static boolean hasSelectors(SlingHttpServletRequest request) {
        String selectors = request.getRequestPathInfo().getSelectorString();
        return selectors != null && !selectors.isEmpty();
    }

    static boolean hasSuffix(SlingHttpServletRequest request) {
        String suffix = request.getRequestPathInfo().getSuffix();
        return suffix != null && !suffix.isEmpty();
    }

    /**
     * A document without other forms: answers 404 (naming the selectors) and returns true when the request names
     * selectors or a suffix.
     */
    static boolean answeredOtherForm(SlingHttpServletRequest request, SlingHttpServletResponse response, String of)
            throws IOException {
        if (hasSelectors(request) || hasSuffix(request)) {
            Responses.notFound(
                    request,
                    response,
                    "No such document of " + of + ": "
                            + request.getRequestPathInfo().getSelectorString());
            return true;
        }
        return false;
    }

    /** An endpoint of one selector: answers 404 and returns true when the request names others or a suffix. */
    static boolean answeredUnknownEndpoint(
            SlingHttpServletRequest request, SlingHttpServletResponse response, String of) throws IOException {
        if (!onlySelector(request)) {
            Responses.notFound(request, response, "No such endpoint of " + of + ".");
            return true;
        }
        return false;
    }

    /**
     * A guard filter's pass: a Sling request the guard gives a reason to refuse answers the 404 problem with that
     * reason; every other request (and one that is not Sling's) goes on down the chain.
     */
    static void refuseOrPass(
            ServletRequest request,
            ServletResponse response,
            FilterChain chain,
            Function<SlingHttpServletRequest, @Nullable String> refusal)
            throws IOException, ServletException {
        if (request instanceof SlingHttpServletRequest sling && response instanceof SlingHttpServletResponse out) {
            String reason = refusal.apply(sling);
            if (reason != null) {
                Responses.notFound(sling, out, reason);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether the request names only the servlet's one selector, and no suffix. */
    static boolean onlySelector(SlingHttpServletRequest request) {
        return request.getRequestPathInfo().getSelectors().length == 1 && !hasSuffix(request);
    }

    /**
     * For a document with an administrators' explain variant ({@code {site}.feed.json}, {@code .feed.explain.json}):
     * whether the request names the explain variant; null when it names neither (more selectors, or a suffix).
     */
    static @Nullable Boolean explainVariant(SlingHttpServletRequest request) {
        String[] selectors = request.getRequestPathInfo().getSelectors();
        boolean explain = selectors.length == 2 && "explain".equals(selectors[1]);
        if ((selectors.length != 1 && !explain) || hasSuffix(request)) {
            return null;
        }
        return explain;
    }

    /**
     * A query string parameter read as UTF-8 (RFC 3986), whatever Sling's default parameter encoding (ISO-8859-1 on
     * Sling, which would turn {@code %D5%A1} into two Latin-1 characters instead of the Armenian {@code ա}).
     */
    static @Nullable String utf8Parameter(SlingHttpServletRequest request, String name) {
        RequestParameter parameter = request.getRequestParameter(name);
        if (parameter == null) {
            return null;
        }
        try {
            return parameter.getString(StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            return parameter.getString();
        }
    }

    static boolean isAnonymous(ResourceResolver resolver) {
        String user = resolver.getUserID();
        return user == null || "anonymous".equals(user);
    }
}
