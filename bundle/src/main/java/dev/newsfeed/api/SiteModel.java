package dev.newsfeed.api;

import org.jetbrains.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A Newsfeed site as a Sling Model: adapt a {@code newsfeed/site} resource (or page) or a request for one.
 * {@code {site}.model.json} exports exactly the site document of {@code {site}.json}.
 *
 * @since dev.newsfeed.api 1.1.0
 */
@ProviderType
public interface SiteModel {

    String getPath();

    String getUrl();

    String getTitle();

    /** IANA zone id, e.g. {@code Asia/Yerevan}. */
    String getTimeZone();

    /** BCP 47 language tag. */
    String getLocale();

    /** {@code MONDAY} .. {@code SUNDAY}. */
    String getFirstDayOfWeek();

    @Nullable
    String getReusePolicy();

    String getFeedUrl();

    String getCalendarUrl();

    String getArchiveUrl();
}
