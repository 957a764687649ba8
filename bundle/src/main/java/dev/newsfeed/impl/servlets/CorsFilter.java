package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import dev.newsfeed.impl.http.Cors;
import dev.newsfeed.impl.http.CorsPolicy;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.request.RequestPathInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CORS on Newsfeed's resources ({@link CorsEndpoints#inScope}): answers every {@code OPTIONS} there itself (a
 * preflight: 204 with the allowed methods and headers, or a 403 problem; a plain OPTIONS: 204 with {@code Allow}),
 * refuses a write from an origin that may not send it before any servlet runs, and adds the CORS headers of
 * {@link CorsPolicy#actual} to every other answer. Runs before every other request filter of Newsfeed.
 */
@Component(
        service = Filter.class,
        property = {"sling.filter.scope=REQUEST", "service.ranking:Integer=1000"})
public final class CorsFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(CorsFilter.class);
    private static final List<String> SAFE = List.of("GET", "HEAD");

    @Reference
    private Cors cors;

    @Reference
    private PublicApiSettings settings;

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof SlingHttpServletRequest sling)
                || !(response instanceof SlingHttpServletResponse out)
                || !CorsEndpoints.inScope(sling.getResource())) {
            chain.doFilter(request, response);
            return;
        }
        CorsPolicy policy = cors.policy();
        String origin = sling.getHeader("Origin");
        if ("OPTIONS".equals(sling.getMethod())) {
            options(sling, out, policy, origin);
            return;
        }
        String[] selectors = sling.getRequestPathInfo().getSelectors();
        CorsPolicy.Access access = CorsEndpoints.access(selectors, sling.getMethod());
        String foreign =
                origin != null && !CorsPolicy.sameOrigin(origin, sling.getHeader("Host"), settings.baseUrl(sling))
                        ? origin
                        : null;
        if (foreign != null && !SAFE.contains(sling.getMethod()) && !policy.allows(foreign, access)) {
            log.debug("Refused a cross-origin {} from {}", sling.getMethod(), foreign);
            out.addHeader("Vary", "Origin");
            refuse(sling, out, "This origin may not send " + sling.getMethod() + " to this address.");
            return;
        }
        set(out, policy.actual(foreign, access));
        chain.doFilter(request, response);
    }

    private static void options(
            SlingHttpServletRequest request, SlingHttpServletResponse response, CorsPolicy policy, String origin)
            throws IOException {
        RequestPathInfo info = request.getRequestPathInfo();
        Map<String, CorsPolicy.Access> endpoint =
                CorsEndpoints.endpoint(request.getResource(), info.getSelectors(), info.getExtension());
        String method = request.getHeader("Access-Control-Request-Method");
        if (origin == null || method == null) {
            List<String> allow = new ArrayList<>(endpoint.keySet());
            allow.add("OPTIONS");
            response.setHeader("Allow", String.join(", ", allow));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        CorsPolicy.Preflight preflight =
                policy.preflight(origin, method, request.getHeader("Access-Control-Request-Headers"), endpoint);
        set(response, preflight.headers());
        if (!preflight.allowed()) {
            log.debug("Refused a preflight: {}", preflight.reason());
            refuse(request, response, preflight.reason());
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void refuse(SlingHttpServletRequest request, SlingHttpServletResponse response, String detail)
            throws IOException {
        Responses.problem(request, response, 403, "cors-refused", "Cross-Origin Request Refused", detail);
    }

    private static void set(HttpServletResponse response, List<CorsPolicy.Header> headers) {
        for (CorsPolicy.Header header : headers) {
            if (header.name().equals("Vary")) {
                response.addHeader(header.name(), header.value());
            } else {
                response.setHeader(header.name(), header.value());
            }
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
