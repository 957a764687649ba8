package dev.newsfeed.impl.http;

import java.io.IOException;
import java.util.List;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests whose framing would make the servlet container or Sling fail ({@link RequestFraming}) with a 4xx
 * problem, on every path of the instance. An Http Whiteboard preprocessor, because it must run before the security
 * handling: Sling's authentication reads the request parameters before any Sling filter or servlet sees the request.
 */
@Component(service = Preprocessor.class)
@Designate(ocd = RequestGuard.Config.class)
public final class RequestGuard implements Preprocessor {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    @ObjectClassDefinition(
            name = "Newsfeed Request Guard",
            description = "Refuses badly framed requests on every path with a 4xx problem before Sling reads them.")
    public @interface Config {
        @AttributeDefinition(
                name = "WebDAV paths",
                description = "Path prefixes where WebDAV methods, PUT, DELETE "
                        + "and PATCH are passed on (Sling's /dav and /server, AEM's /crx, AEM's HTTP APIs: Assets under /api,"
                        + " the OpenAPIs under /adobe, GraphQL persisted queries under /graphql); elsewhere those methods get a"
                        + " 405 problem. An AEM instance with other PUT/DELETE/PATCH endpoints adds their paths here.")
        String[] webdav_paths() default {"/dav", "/server", "/crx", "/api", "/adobe", "/graphql"};
    }

    private volatile List<String> webdavPaths = List.of("/dav", "/server", "/crx", "/api", "/adobe", "/graphql");

    @Activate
    @Modified
    void activate(Config config) {
        webdavPaths = List.of(config.webdav_paths());
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            RequestFraming.Rejection rejection = RequestFraming.check(http, webdavPaths);
            if (rejection != null) {
                log.debug("Refused a request with status {}: {}", rejection.status(), rejection.slug());
                Responses.problem(
                        http,
                        httpResponse,
                        rejection.status(),
                        rejection.slug(),
                        rejection.title(),
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
