package dev.newsfeed.impl.http;

import java.io.IOException;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests whose framing would make the servlet container or Sling fail ({@link RequestFraming}) with a 4xx
 * problem, on every path of the instance. An Http Whiteboard preprocessor, because it must run before the security
 * handling: Sling's authentication reads the request parameters before any Sling filter or servlet sees the request.
 */
@Component(service = Preprocessor.class)
public final class RequestGuard implements Preprocessor {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            RequestFraming.Rejection rejection = RequestFraming.check(http);
            if (rejection != null) {
                log.debug("Refused a request with status {}: {}", rejection.status(), rejection.slug());
                Responses.problem(http, httpResponse, rejection.status(), rejection.slug(), rejection.title(),
                        rejection.detail());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
