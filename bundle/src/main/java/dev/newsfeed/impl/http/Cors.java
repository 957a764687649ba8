package dev.newsfeed.impl.http;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured CORS policy of Newsfeed's resources (docs/api.md, "CORS"); the decisions are {@link CorsPolicy}'s. */
@Component(service = Cors.class, immediate = true)
@Designate(ocd = Cors.Config.class)
public final class Cors {

    private static final Logger log = LoggerFactory.getLogger(Cors.class);

    @ObjectClassDefinition(
            name = "Newsfeed CORS",
            description = "Which web origins may call Newsfeed's API from a browser: public reads, comments, and"
                    + " credentialed requests (authoring, moderation, the console's API). Origins are"
                    + " scheme://host[:port], e.g. https://www.news.example.")
    public @interface Config {
        @AttributeDefinition(
                name = "Read origins",
                description = "Origins whose pages may read Newsfeed's public anonymous GET and HEAD answers. * (the"
                        + " default): any origin, answered with Access-Control-Allow-Origin: * (no credentials,"
                        + " cacheable without Vary). A list: those origins, echoed with Vary: Origin.")
        String[] cors_read_origins() default {CorsPolicy.ANY};

        @AttributeDefinition(
                name = "Comment origins",
                description =
                        "Origins whose pages may post comments ({article}.comments.json) and read the comment form"
                                + " ({article}.comment-form.json), without credentials; answered with the origin echoed and"
                                + " Vary: Origin. A comment POST from any other origin is refused with 403. * allows every"
                                + " origin. Empty (the default): none.")
        String[] cors_write_origins() default {};

        @AttributeDefinition(
                name = "Credentials origins",
                description = "Origins allowed credentialed requests (cookies or Authorization) to every Newsfeed"
                        + " endpoint, authoring, moderation and the console's API included, answered with"
                        + " Access-Control-Allow-Credentials: true. Never *: such an entry is ignored.")
        String[] cors_credentials_origins() default {};

        @AttributeDefinition(
                name = "Preflight max age",
                description = "Seconds a browser may reuse a preflight's answer (Access-Control-Max-Age).")
        int cors_max_age() default 600;
    }

    private volatile CorsPolicy policy = CorsPolicy.defaults();

    @Activate
    @Modified
    void activate(Config config) {
        CorsPolicy configured = CorsPolicy.of(
                config.cors_read_origins(),
                config.cors_write_origins(),
                config.cors_credentials_origins(),
                config.cors_max_age());
        if (!configured.ignored().isEmpty()) {
            log.warn(
                    "CORS: ignored {} (not an origin such as https://news.example, or * as a credentials origin)",
                    configured.ignored());
        }
        log.info("CORS: {}", configured);
        policy = configured;
    }

    public CorsPolicy policy() {
        return policy;
    }
}
