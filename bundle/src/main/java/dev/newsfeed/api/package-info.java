/**
 * The public API of Newsfeed, for other bundles of a site: plug-in checks for reader comments.
 *
 * <p>Versioned with semantic versioning: a new method in a {@code @ConsumerType} interface is a major version,
 * a new method in a {@code @ProviderType} interface a minor one.
 */
@Version("1.0.0")
package dev.newsfeed.api;

import org.osgi.annotation.versioning.Version;
