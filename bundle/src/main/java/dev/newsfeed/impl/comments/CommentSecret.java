package dev.newsfeed.impl.comments;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The instance's shared secret, created in the repository on first use so that every cluster instance uses the same;
 * handed out as {@link Secrets} (form tokens, client hashes, keys derived for other purposes).
 */
@Component(service = CommentSecret.class)
public final class CommentSecret {

    static final String PATH = CommentStore.ROOT + "/secret";

    @Reference
    private CommentServiceUser serviceUser;

    private volatile Secrets secrets;

    /** The keyed hashes of the shared secret, read (or created) once. */
    public Secrets secrets() throws LoginException, PersistenceException, RepositoryException {
        Secrets s = secrets;
        if (s == null) {
            try (ResourceResolver resolver = serviceUser.open()) {
                byte[] key = Retry.commit(resolver, CommentSecret::loadOrCreateKey);
                s = new Secrets(key);
                secrets = s;
            }
        }
        return s;
    }

    private static byte[] loadOrCreateKey(ResourceResolver resolver) throws PersistenceException {
        Resource node = ResourceUtil.getOrCreateResource(
                resolver, PATH, Map.of("jcr:primaryType", CommentStore.UNORDERED), CommentStore.UNORDERED, false);
        ModifiableValueMap props = Objects.requireNonNull(node.adaptTo(ModifiableValueMap.class));
        String value = props.get("key", String.class);
        if (value == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            value = Base64.getEncoder().encodeToString(key);
            props.put("key", value);
        }
        return Base64.getDecoder().decode(value);
    }
}
