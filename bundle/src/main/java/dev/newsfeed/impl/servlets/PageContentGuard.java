package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.Set;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import dev.newsfeed.impl.content.ContentNodes;
import org.apache.sling.api.SlingHttpServletRequest;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * One address per page article, site and folder (docs/aem.md): the {@code jcr:content} of a Newsfeed page carries
 * Newsfeed's resource type too, and would otherwise answer every read of ours ({@code .../jcr:content.json} a second
 * article document, {@code .feed.json} a second feed). Reads of it and Newsfeed's writes addressed to it answer the
 * 404 problem; other writes (AEM's page properties, which post to the content node) pass.
 */
@Component(
        service = Filter.class,
        property = {"sling.filter.scope=REQUEST", "service.ranking:Integer=900"})
public final class PageContentGuard implements Filter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Requests.refuseOrPass(request, response, chain, PageContentGuard::refusal);
    }

    /** Why a request to a Newsfeed page's content is refused, or null when it passes (as every other does). */
    private static @Nullable String refusal(SlingHttpServletRequest sling) {
        return ContentNodes.NN_CONTENT.equals(sling.getResource().getName())
                        && (READS.contains(sling.getMethod())
                                || WriteGuardFilter.isNewsfeedEndpoint(
                                        sling.getRequestPathInfo().getSelectors()))
                        && ContentNodes.isNewsfeedPageContent(sling.getResource())
                ? "Newsfeed serves this page at the page's own address, not its jcr:content."
                : null;
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
