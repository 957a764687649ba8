package dev.newsfeed.impl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.authoring.ArticleForms;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Json;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.reading.ArchiveView;
import dev.newsfeed.impl.reading.ArticleView;
import dev.newsfeed.impl.reading.CalendarView;
import dev.newsfeed.impl.reading.SiteView;
import dev.newsfeed.impl.reading.SyndicationView;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.jetbrains.annotations.Nullable;

/** One factory for the unit-test context: the sample site fixture, the API settings and the read views. */
public final class NewsfeedTestContext {

    public static final String SITE = "/content/newsfeed/day";
    /** The sample site's settings (Asia/Yerevan, English, Monday first), for tests that need no repository. */
    public static final SiteSettings DAY = new SiteSettings(
            SITE,
            "Day",
            java.time.ZoneId.of("Asia/Yerevan"),
            java.util.Locale.ENGLISH,
            java.time.DayOfWeek.MONDAY,
            null,
            0,
            "pre",
            null);

    public static final String BASE = "https://news.example";

    private NewsfeedTestContext() {}

    public static SlingContext newSlingContext() {
        return new SlingContext(ResourceResolverType.RESOURCERESOLVER_MOCK);
    }

    /** Loads {@code /site/test-content.json} as the site and registers the settings with a fixed base URL. */
    public static void setUp(SlingContext context) {
        context.load().json("/site/test-content.json", SITE);
        context.registerInjectActivateService(
                PublicApiSettings.class, "public.base.url", BASE + "/", "cache.max.age", 60L);
        registerViews(context);
    }

    /**
     * Registers the components the read servlets build their documents with (bound to the settings registered
     * before), with the given service properties (e.g. a ranking over those registered earlier).
     */
    public static void registerViews(SlingContext context, Object... properties) {
        context.registerInjectActivateService(SiteView.class, properties);
        context.registerInjectActivateService(ArticleView.class, properties);
        context.registerInjectActivateService(CalendarView.class, properties);
        context.registerInjectActivateService(ArchiveView.class, properties);
        context.registerInjectActivateService(SyndicationView.class, properties);
        context.registerInjectActivateService(ArticleForms.class, properties);
    }

    /**
     * An empty site node at {@code path} on a real repository (an Oak context), in the time zone given (none: the
     * default zone), and its settings.
     */
    public static SiteSettings oakSite(ResourceResolver resolver, String path, @Nullable String timeZone)
            throws PersistenceException {
        Map<String, Object> properties =
                new HashMap<>(Map.of("jcr:primaryType", "nt:unstructured", "sling:resourceType", "newsfeed/site"));
        if (timeZone != null) {
            properties.put("timeZone", timeZone);
        }
        ResourceUtil.getOrCreateResource(resolver, path, properties, null, true);
        return SiteSettings.from(resolver.getResource(path));
    }

    /**
     * A second session on the context's repository (an Oak context), as another cluster instance has: its changes
     * meet the context's own in Oak's merge. The caller closes it.
     */
    public static ResourceResolver secondSession(SlingContext context) throws LoginException {
        return context.getService(ResourceResolverFactory.class)
                .getResourceResolver(Map.of(
                        ResourceResolverFactory.USER,
                        "admin",
                        ResourceResolverFactory.PASSWORD,
                        "admin".toCharArray()));
    }

    public static JsonNode json(MockSlingHttpServletResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getOutputAsString().getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode resource(String classpath) throws Exception {
        try (var in = NewsfeedTestContext.class.getResourceAsStream(classpath)) {
            return Json.MAPPER.readTree(in);
        }
    }
}
