package dev.newsfeed.console;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * What the console shows of a site, read from its node as the core bundle reads it: its path, its title (the node's
 * name without one) and its time zone (UTC when it has none or an unknown one; the core bundle logs that).
 */
record ConsoleSite(String path, String title, ZoneId zone) {

    /** The resource type of a site, bound by the console servlet. */
    static final String RT_SITE = "newsfeed/site";
    /** The folder below a site that holds its articles. */
    static final String ARCHIVE = "articles";

    static ConsoleSite from(Resource site) {
        ValueMap props = site.getValueMap();
        return new ConsoleSite(
                site.getPath(), props.get("jcr:title", site.getName()), zone(props.get("timeZone", String.class)));
    }

    /** The path of the site's archive, {@code {site}/articles}. */
    String archivePath() {
        return path + "/" + ARCHIVE;
    }

    static ZoneId zone(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
