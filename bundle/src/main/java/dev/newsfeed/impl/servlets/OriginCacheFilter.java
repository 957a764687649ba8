package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import dev.newsfeed.impl.http.AnswerCache;
import dev.newsfeed.impl.http.OriginCache;
import dev.newsfeed.impl.http.OriginCacheFront;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers an anonymous GET or HEAD of the read API from the {@link OriginCache} when it holds the answer, before
 * Sling picks a servlet; otherwise lets the servlet answer and keeps what it sent ({@link Responses#RENDERED}) with
 * the generation read before; after a successful write, makes every stored answer old at once. Runs after every other
 * Newsfeed filter (CORS headers, the write guard), so a stored answer goes out exactly as a rendered one would; a stored
 * answer it gives confirms that answer for {@link OriginCacheFront}, which then gives it before Sling for a while.
 */
@Component(
        service = Filter.class,
        property = {"sling.filter.scope=REQUEST", "service.ranking:Integer=-2000"})
public final class OriginCacheFilter implements Filter {

    private static final String TYPE_PREFIX = "newsfeed/";
    private static final String HEADER = OriginCacheFront.HEADER;

    @Reference
    private OriginCache cache;

    @Reference
    private PublicApiSettings settings;

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof SlingHttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (!safe(request.getMethod())) {
            write(request, response, chain);
            return;
        }
        String key = key(request);
        if (key == null) {
            chain.doFilter(req, res);
            return;
        }
        Instant now = Instant.now();
        AnswerCache.Entry stored = cache.get(key, now);
        if (stored != null) {
            cache.confirm(stored, request, response);
            response.setHeader(HEADER, "hit");
            Responses.send(request, response, stored, now);
            return;
        }
        long generation = cache.generation();
        response.setHeader(HEADER, "miss");
        chain.doFilter(req, res);
        if (request.getAttribute(Responses.RENDERED) instanceof PublicDocument document) {
            cache.put(key, document, generation, now);
        }
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }

    /**
     * A write on this instance (through Newsfeed's API, Sling's POST servlet or anything else Sling serves): once it
     * succeeded, every stored answer is old, before the writer reads again. The listeners of {@link OriginCache} hear
     * it too, a moment later, and hear what writes elsewhere (WebDAV, another cluster instance) changed.
     */
    private void write(SlingHttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() < 400 && request.getAttribute(OriginCache.PUBLIC_UNCHANGED) == null) {
                cache.bump();
            }
        }
    }

    /** The URL as the reader asked for it, with the base it is answered for; null: not answered from the cache. */
    private @Nullable String key(SlingHttpServletRequest request) {
        String method = request.getMethod();
        if (!cache.enabled()
                || !("GET".equals(method) || "HEAD".equals(method))
                || !request.getResource().getResourceType().startsWith(TYPE_PREFIX)
                || !Requests.isAnonymous(request.getResourceResolver())) {
            return null;
        }
        return OriginCache.key(settings.baseUrl(request), request);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
