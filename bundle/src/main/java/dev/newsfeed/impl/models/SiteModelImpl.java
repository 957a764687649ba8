package dev.newsfeed.impl.models;

import javax.annotation.PostConstruct;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsfeed.api.SiteModel;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.SiteDocument;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.models.annotations.Exporter;
import org.apache.sling.models.annotations.Model;
import org.apache.sling.models.annotations.injectorspecific.InjectionStrategy;
import org.apache.sling.models.annotations.injectorspecific.OSGiService;
import org.apache.sling.models.annotations.injectorspecific.SlingObject;
import org.jetbrains.annotations.Nullable;

/** The site document of {@code {site}.json} as a Sling Model, built by {@link Documents#site}. */
@Model(
        adaptables = {SlingHttpServletRequest.class, Resource.class},
        adapters = SiteModel.class,
        resourceType = ContentModel.RT_SITE)
@Exporter(name = "jackson", extensions = "json")
public final class SiteModelImpl implements SiteModel {

    @SlingObject
    private Resource resource;

    @SlingObject(injectionStrategy = InjectionStrategy.OPTIONAL)
    private @Nullable SlingHttpServletRequest request;

    @OSGiService
    private PublicApiSettings settings;

    private SiteDocument document;

    @PostConstruct
    void init() {
        document = Documents.site(
                SiteSettings.from(ContentNodes.canonical(resource)), ModelContext.base(settings, request));
    }

    /** What the Jackson exporter writes: the document itself. */
    @JsonValue
    public SiteDocument document() {
        return document;
    }

    @Override
    public String getPath() {
        return document.path();
    }

    @Override
    public String getUrl() {
        return document.url();
    }

    @Override
    public String getTitle() {
        return document.title();
    }

    @Override
    public String getTimeZone() {
        return document.timeZone();
    }

    @Override
    public String getLocale() {
        return document.locale();
    }

    @Override
    public String getFirstDayOfWeek() {
        return document.firstDayOfWeek();
    }

    @Override
    public @Nullable String getReusePolicy() {
        return document.reusePolicy();
    }

    @Override
    public String getFeedUrl() {
        return document.links().feed();
    }

    @Override
    public String getCalendarUrl() {
        return document.links().calendar();
    }

    @Override
    public String getArchiveUrl() {
        return document.links().archive();
    }
}
