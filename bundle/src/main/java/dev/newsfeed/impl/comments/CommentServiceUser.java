package dev.newsfeed.impl.comments;

import java.util.Map;

import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code comments} service user every comment write runs as: opens its resolvers, and is only there once the
 * mapping of that subservice is.
 */
@Component(service = CommentServiceUser.class)
public final class CommentServiceUser {

    static final String SUBSERVICE = "comments";

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    /** A resolver of the service user; the caller closes it. */
    public ResourceResolver open() throws LoginException {
        return resolverFactory.getServiceResourceResolver(Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE));
    }
}
