package dev.newsfeed.impl.servlets;

import static dev.newsfeed.impl.content.ContentModel.PN_FIRST_DAY_OF_WEEK;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import javax.servlet.Servlet;

import dev.newsfeed.impl.authoring.SiteSettingsInput;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.SiteSettingsForm;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET {site}.settings.json}: the site's settings as a form shows them, for every console user (authors,
 * moderators, site administrators). {@code POST {site}.settings.json}: changes them, validated field by field, for users
 * who may change the site node (administrators); written with their own session. A new time zone re-files the
 * archive in the background (the archive's listener rebuilds the index). Never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD, HttpConstants.METHOD_POST},
        selectors = "settings",
        extensions = "json")
public final class SettingsServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SettingsServlet.class);

    @Reference
    private transient CsrfGuard csrf;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (!endpoint(request, response) || !WriteAccess.signedIn(request, response, Roles.CONSOLE_USERS)) {
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        Roles roles = Roles.of(request, site);
        if (!roles.any()) {
            WriteAccess.forbidden(request, response, Roles.CONSOLE_USERS);
            return;
        }
        Responses.sendUncached(response, 200, form(request.getResource(), roles.siteAdmin()));
    }

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Resource resource = request.getResource();
        if (!endpoint(request, response)
                || !WriteAccess.authorize(
                        csrf, request, response, resource.getPath(), "set_property", Roles.SITE_ADMINS)) {
            return;
        }
        Map<String, Object> fields = WriteAccess.fields(request, response);
        if (fields == null) {
            return;
        }
        SiteSettingsInput.Parsed parsed = SiteSettingsInput.parse(fields);
        if (parsed.input() == null) {
            Responses.badRequest(request, response, "The settings have invalid fields.", parsed.errors());
            return;
        }
        ResourceResolver resolver = request.getResourceResolver();
        try {
            parsed.input().apply(resource, resolver.getUserID(), Instant.now());
            resolver.commit();
        } catch (PersistenceException | RuntimeException e) {
            resolver.revert();
            if (WriteAccess.isAccessDenied(e)) {
                WriteAccess.forbidden(request, response, Roles.SITE_ADMINS);
                return;
            }
            log.warn("Changing the settings of {} failed: {}", resource.getPath(), e.toString());
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The settings could not be saved; try again.");
            return;
        }
        Responses.sendUncached(response, 200, form(resolver.getResource(resource.getPath()), true));
    }

    private static boolean endpoint(SlingHttpServletRequest request, SlingHttpServletResponse response)
            throws IOException {
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such endpoint of a site.");
            return false;
        }
        return true;
    }

    static SiteSettingsForm form(Resource resource, boolean editable) {
        SiteSettings site = SiteSettings.from(resource);
        return new SiteSettingsForm(
                site.path(),
                site.title(),
                site.zone().getId(),
                site.locale().toLanguageTag(),
                ContentNodes.properties(resource).get(PN_FIRST_DAY_OF_WEEK, String.class) == null
                        ? null
                        : site.firstDayOfWeek().name(),
                site.firstDayOfWeek().name(),
                site.reusePolicy(),
                site.commentsOpenDays(),
                site.moderation(),
                editable,
                SiteSettingsInput.timeZones(),
                SiteSettingsInput.MODERATION_VALUES);
    }
}
