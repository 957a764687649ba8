package dev.newsfeed.impl.changes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dev.newsfeed.impl.http.OriginCache;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.api.resource.observation.ExternalResourceChangeListener;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a cluster, every instance purges the cache tier of each change when the change reaches it. The instance that
 * wrote purges at once ({@link PurgeNotifier#notify}); but a cache that balances over several instances may refetch
 * from one that does not see the write yet (Oak shows another instance's commit after its background read, 0.1-3 s
 * later) and keep that old answer for its whole {@code s-maxage}. So this listener hears the change-log entries other
 * instances add ({@link ResourceChange#isExternal()}), which Oak reports only once this instance's head has them, and
 * purges their keys again ({@link PurgeNotifier#echo}): after the last instance's purge, no instance has an old answer
 * to give. On a single instance it hears nothing.
 */
@Component(
        service = ResourceChangeListener.class,
        property = {ResourceChangeListener.PATHS + "=" + ChangeLog.ROOT, ResourceChangeListener.CHANGES + "=ADDED"})
public final class ClusterPurges implements ResourceChangeListener, ExternalResourceChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ClusterPurges.class);
    private static final String SUBSERVICE = "content-writer";
    /** How deep below an added folder entries are looked for: {@code yyyy/MM/dd/HH/entry}. */
    private static final int MAX_DEPTH = 7;

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    @Reference
    private PurgeNotifier purge;

    @Reference
    private OriginCache originCache;

    private ExecutorService worker;

    @Activate
    void activate() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-cluster-purges");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public void onChange(List<ResourceChange> changes) {
        if (!purge.echoes()) {
            return;
        }
        List<String> added = new ArrayList<>();
        for (ResourceChange change : changes) {
            if (change.isExternal()) {
                added.add(change.getPath());
            }
        }
        if (added.isEmpty()) {
            return;
        }
        try {
            worker.execute(() -> echo(added));
        } catch (RejectedExecutionException e) {
            log.debug("Stopping: {} change-log paths not purged", added.size());
        }
    }

    private void echo(List<String> paths) {
        try (ResourceResolver resolver =
                resolverFactory.getServiceResourceResolver(Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE))) {
            Set<String> keys = keysBelow(resolver, paths);
            if (!keys.isEmpty()) {
                originCache.bump(); // before the purge: what the cache tier fetches again is rendered anew
                purge.echo(keys);
            }
        } catch (LoginException | RuntimeException e) {
            log.warn("Purging another instance's changes failed: {}", e.toString());
        }
    }

    /** The keys of the change-log entries at or below {@code paths} (an added folder holds its first entry). */
    static Set<String> keysBelow(ResourceResolver resolver, List<String> paths) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String path : paths) {
            Resource resource = resolver.getResource(path);
            if (resource != null) {
                collect(resource, MAX_DEPTH, seen, keys);
            }
        }
        return keys;
    }

    private static void collect(Resource resource, int depth, Set<String> seen, Set<String> keys) {
        if (!seen.add(resource.getPath())) {
            return;
        }
        String[] entryKeys = resource.getValueMap().get(ChangeLog.KEYS, String[].class);
        if (entryKeys != null) {
            keys.addAll(List.of(entryKeys));
            return;
        }
        if (depth > 0) {
            resource.getChildren().forEach(child -> collect(child, depth - 1, seen, keys));
        }
    }
}
