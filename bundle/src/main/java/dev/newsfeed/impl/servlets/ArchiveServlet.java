package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.Period;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.paging.PageRequest;
import dev.newsfeed.impl.reading.ArchiveView;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {year}.json}, {@code {month}.json}, {@code {day}.json} (and the archive root): the published articles
 * of that period, newest first, paged by {@code limit} and {@code cursor}.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARCHIVE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        extensions = "json")
public final class ArchiveServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ArchiveView view;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Resource folder = request.getResource();
        SiteSettings site = SiteSettings.siteOf(folder).map(SiteSettings::from).orElse(null);
        Period period = site == null ? null : Period.of(site, folder.getPath());
        if (Requests.hasSelectors(request) || Requests.hasSuffix(request) || period == null) {
            Responses.notFound(request, response, "No such archive document.");
            return;
        }
        PageRequest.Parsed parsed = PageRequest.parse(request.getParameter("limit"), request.getParameter("cursor"));
        if (parsed.request() == null) {
            Responses.badRequest(request, response, "Invalid paging parameters.", parsed.errors());
            return;
        }
        Responses.send(
                request,
                response,
                view.of(
                        request,
                        request.getResourceResolver(),
                        site,
                        period,
                        folder.getPath(),
                        parsed.request(),
                        Instant.now()));
    }
}
