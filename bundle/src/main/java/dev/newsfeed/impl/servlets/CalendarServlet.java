package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.MonthParam;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.reading.CalendarView;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {site}.calendar.json} (the current month in the site's zone) and {@code GET {site}.calendar.YYYY-MM.json}:
 * the month grid with the number of published articles per day and the nearest months that have any. Reads the
 * archive index only, so it costs the same for any archive size.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "calendar",
        extensions = "json")
public final class CalendarServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient CalendarView view;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        String[] selectors = request.getRequestPathInfo().getSelectors();
        if (selectors.length > 2 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such calendar document.");
            return;
        }
        YearMonth month = null;
        if (selectors.length == 2) {
            month = MonthParam.parse(selectors[1]);
            if (month == null) {
                Responses.badRequest(
                        request,
                        response,
                        "The month must be YYYY-MM with a year from 0001 to 9999.",
                        List.of(new Problem.FieldError(
                                "month", "'" + selectors[1] + "' is not a month of the form YYYY-MM")));
                return;
            }
        }
        Responses.send(
                request,
                response,
                view.of(
                        request,
                        request.getResourceResolver(),
                        SiteSettings.from(request.getResource()),
                        month,
                        Instant.now()));
    }
}
