package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.servlet.Servlet;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.reading.SyndicationView;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code {site}.rss} (RSS 2.0), {@code {site}.atom} (Atom 1.0), {@code {site}.feed.jsonfeed} (JSON Feed 1.1). */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        extensions = {"rss", "atom", "jsonfeed"})
public final class SyndicationServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient SyndicationView view;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        serve(view, request, response);
    }

    /** RSS, Atom or (with the selector {@code feed}) JSON Feed of the site; shared with {@link JsonFeedServlet}. */
    static void serve(SyndicationView view, SlingHttpServletRequest request, SlingHttpServletResponse response)
            throws IOException {
        String extension = request.getRequestPathInfo().getExtension();
        String selectors = request.getRequestPathInfo().getSelectorString();
        boolean json = "jsonfeed".equals(extension);
        if ((json ? !"feed".equals(selectors) : selectors != null) || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such feed format.");
            return;
        }
        SyndicationView.Format format = json
                ? SyndicationView.Format.JSON_FEED
                : "rss".equals(extension) ? SyndicationView.Format.RSS : SyndicationView.Format.ATOM;
        Responses.send(
                request,
                response,
                view.of(
                        request,
                        request.getResourceResolver(),
                        SiteSettings.from(request.getResource()),
                        format,
                        Instant.now()));
    }
}
