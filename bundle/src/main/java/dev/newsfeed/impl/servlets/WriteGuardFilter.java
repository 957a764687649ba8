package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.ServletResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write that Sling's POST servlet would handle, by a user who may not change anything at its path, answers a 401
 * (anonymous) or 403 problem: the POST servlet tries the write, fails on the repository's access check and answers
 * 500. Only requests resolved to the POST servlet are looked at, so other servlets that accept anonymous writes (a
 * site's own form handlers, Newsfeed's comment submission) are not affected. The repository remains what decides:
 * this asks it whether the user has any write privilege there.
 */
@Component(
        service = Filter.class,
        property = {"sling.filter.scope=REQUEST", "service.ranking:Integer=-1000"})
public final class WriteGuardFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(WriteGuardFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");
    static final String POST_SERVLET = "org.apache.sling.servlets.post.impl.SlingPostServlet";

    @Reference
    private ServletResolver servletResolver;

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof SlingHttpServletRequest sling
                && response instanceof SlingHttpServletResponse out
                && WRITES.contains(sling.getMethod())
                && !isNewsfeedEndpoint(sling.getRequestPathInfo().getSelectors())
                && isPostServlet(resolve(sling))) {
            int status = status(
                    sling.getResourceResolver().adaptTo(Session.class),
                    sling.getResource().getPath());
            if (status != 0) {
                log.debug("Refused a {} without write access: {}", sling.getMethod(), status);
                if (status == 401) {
                    Responses.problem(
                            sling,
                            out,
                            401,
                            "unauthorized",
                            "Unauthorized",
                            "Sign in to change content; anonymous users may only submit comments.");
                } else {
                    Responses.problem(sling, out, 403, "forbidden", "Forbidden", "You may not change content here.");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** 0 to pass on, 401 for an anonymous user and 403 for another user without any write privilege at the path. */
    static int status(@Nullable Session session, String path) {
        if (session == null) {
            return 0;
        }
        try {
            if (session.hasPermission(path, Session.ACTION_ADD_NODE)
                    || session.hasPermission(path, Session.ACTION_SET_PROPERTY)
                    || session.hasPermission(path, Session.ACTION_REMOVE)) {
                return 0;
            }
            return "anonymous".equals(session.getUserID()) ? 401 : 403;
        } catch (RepositoryException | RuntimeException e) {
            // a path the repository cannot evaluate: let the servlet answer as it would
            return 0;
        }
    }

    private @Nullable Servlet resolve(SlingHttpServletRequest request) {
        try {
            return servletResolver.resolveServlet(request);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean isPostServlet(@Nullable Servlet servlet) {
        return servlet != null && servlet.getClass().getName().equals(POST_SERVLET);
    }

    static boolean isNewsfeedEndpoint(@Nullable String[] selectors) {
        return selectors != null && selectors.length > 0 && NewsfeedSelectors.ALL.contains(selectors[0]);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
