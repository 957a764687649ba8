package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.PublicationStatus;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.Resource;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * {@code {article}.model.json} (the Sling Models exporter) answers what {@code {article}.json} answers: the 404 problem
 * for a draft or a scheduled article unless the user may edit it, for an article outside a site, and for other
 * selectors or a suffix; the exporter itself would answer 200 or a bare 404/500.
 */
@Component(
        service = Filter.class,
        property = {"sling.filter.scope=REQUEST", "service.ranking:Integer=800"})
public final class ModelExportGuard implements Filter {

    static final String SELECTOR = "model";

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Requests.refuseOrPass(request, response, chain, ModelExportGuard::refusalOfModel);
    }

    /** Why a request for a model of an article or site is refused, or null when it passes (as every other does). */
    private static @Nullable String refusalOfModel(SlingHttpServletRequest sling) {
        return isModelRequest(sling)
                        && (sling.getResource().isResourceType(ContentModel.RT_ARTICLE)
                                || sling.getResource().isResourceType(ContentModel.RT_SITE))
                ? refusal(sling)
                : null;
    }

    private static boolean isModelRequest(SlingHttpServletRequest request) {
        String[] selectors = request.getRequestPathInfo().getSelectors();
        return selectors.length > 0 && SELECTOR.equals(selectors[0]);
    }

    /** Why the model may not be exported, or null when it may. */
    private static @Nullable String refusal(SlingHttpServletRequest request) {
        if (request.getRequestPathInfo().getSelectors().length != 1
                || Requests.hasSuffix(request)
                || !"json".equals(request.getRequestPathInfo().getExtension())) {
            return "Newsfeed serves no such representation of this resource.";
        }
        Resource resource = request.getResource();
        if (SiteSettings.siteOf(resource).isEmpty()) {
            return "The resource is not inside a Newsfeed site.";
        }
        if (resource.isResourceType(ContentModel.RT_ARTICLE)
                && Article.from(resource).state(Instant.now()) != PublicationStatus.PUBLISHED
                && !ArticleServlet.mayPreview(request, resource)) {
            return "No published article at this address.";
        }
        return null;
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
