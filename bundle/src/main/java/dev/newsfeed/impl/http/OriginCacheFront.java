package dev.newsfeed.impl.http;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.Preprocessor;

/**
 * Gives a stored public answer ({@link OriginCache}) before Sling authenticates, logs in and resolves: what an
 * in-process dispatcher would do, at a small part of the cost of a request through Sling.
 *
 * <p>Only to a request that Sling would answer exactly as it answered the one that confirmed the entry: GET or HEAD
 * with no {@code Authorization}, {@code Cookie} or {@code Origin} header (so anonymous, and the same CORS headers) and
 * no authentication parameters in the query; for the same base URL and request target. Only answers that such a
 * request got through Sling within the confirmation window ({@code front.confirm.ms}): Sling resolved the resource for
 * the anonymous session (so it was readable), every filter let it pass, and the headers set before the answer are
 * given again as they were. A change of content ends the answer at once, as for every stored answer (its generation);
 * the window bounds how long a change that only Sling sees (access control outside the sites, authentication
 * settings) takes to apply. Runs after {@link RequestGuard} (lower ranking), so a badly framed request is refused
 * first.
 */
@Component(service = Preprocessor.class, property = "service.ranking:Integer=-100")
public final class OriginCacheFront implements Preprocessor {

    /** Says whether an anonymous read was answered before Sling ({@code hit-front}), from the cache through Sling
     * ({@code hit}) or rendered ({@code miss}). */
    public static final String HEADER = "X-Origin-Cache";

    @Reference
    private OriginCache cache;

    @Reference
    private PublicApiSettings settings;

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse httpResponse
                && cache.enabled()
                && eligible(http)) {
            Instant now = Instant.now();
            AnswerCache.Entry stored = cache.front(OriginCache.key(settings.baseUrl(http), http), now);
            if (stored != null) {
                for (Map.Entry<String, String> header : stored.confirmation().headers()) {
                    httpResponse.addHeader(header.getKey(), header.getValue());
                }
                httpResponse.setHeader(HEADER, "hit-front");
                Responses.send(http, httpResponse, stored, now);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A request that Sling answers as anonymous with the headers of any other such request: GET or HEAD, no
     * credentials (nor a TLS client certificate), no cookies (Sling's and AEM's login cookies among them), no CORS
     * origin, no authentication parameters ({@code sling:authRequestLogin}, {@code j_username}, ...) in the query.
     */
    public static boolean eligible(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method))
                || request.getHeader("Authorization") != null
                || request.getHeader("Cookie") != null
                || request.getHeader("Origin") != null
                || request.getAttribute("javax.servlet.request.X509Certificate") != null) {
            return false;
        }
        String query = request.getQueryString();
        if (query == null) {
            return true;
        }
        String lower = query.toLowerCase(Locale.ROOT);
        return !lower.contains(":") && !lower.contains("%3a") && !lower.contains("j_");
    }

    /** The headers set on {@code response} so far, each value apart: what precedes a stored answer. */
    public static List<Map.Entry<String, String>> envelope(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!HEADER.equalsIgnoreCase(name)) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return headers;
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
