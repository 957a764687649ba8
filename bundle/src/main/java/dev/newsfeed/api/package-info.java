/**
 * The public API of Newsfeed, for other bundles of a site: plug-in checks for reader comments (1.0.0) and the Sling
 * Models of articles, sites, calendars and comment lists for HTL and the SPA editor (1.1.0).
 *
 * <p>Versioned with semantic versioning: a new method in a {@code @ConsumerType} interface is a major version,
 * a new method in a {@code @ProviderType} interface a minor one.
 */
@Version("1.1.0")
package dev.newsfeed.api;

import org.osgi.annotation.versioning.Version;
