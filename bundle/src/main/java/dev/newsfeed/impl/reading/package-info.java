/**
 * The public documents of the read API (article, calendar, archive page, syndication formats), each assembled from
 * the repository into a {@link dev.newsfeed.impl.http.PublicDocument}: body, Last-Modified, cache policy and the
 * surrogate keys it depends on. Servlets resolve the request, call one of these, and send the result.
 */
package dev.newsfeed.impl.reading;
