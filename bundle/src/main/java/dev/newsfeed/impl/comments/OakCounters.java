package dev.newsfeed.impl.comments;

import java.util.Map;
import java.util.Objects;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * {@link CountKeeper.Counters} on Oak atomic counters ({@code mix:atomicCounter}): reads {@code oak:counter}, writes
 * {@code oak:increment}, and keeps the repair token in the plain property {@code countRepair} of the counter node.
 */
public final class OakCounters implements CountKeeper.Counters {

    private static final Map<String, Object> COUNTER =
            Map.of("jcr:primaryType", CommentStore.UNORDERED, "jcr:mixinTypes", new String[] {"mix:atomicCounter"});

    @Override
    public CountKeeper.@Nullable Shown read(ResourceResolver resolver, String path) {
        Resource counter = resolver.getResource(path);
        if (counter == null) {
            return null;
        }
        ValueMap props = counter.getValueMap();
        long shown = StatusCounters.isStatusCounter(path)
                ? StatusCounters.value(counter)
                : props.get(CommentStore.PN_COUNTER, 0L);
        return new CountKeeper.Shown(shown, props.get(CountKeeper.PN_REPAIR, String.class));
    }

    @Override
    public void nudge(ResourceResolver resolver, String path) throws PersistenceException, RepositoryException {
        Retry.commit(resolver, r -> {
            Resource counter = r.getResource(path);
            if (counter != null && StatusCounters.isStatusCounter(path)) {
                StatusCounters.nudge(counter);
            } else if (counter != null) {
                Objects.requireNonNull(counter.adaptTo(ModifiableValueMap.class))
                        .put(CommentStore.PN_INCREMENT, 0L);
            }
            return null;
        });
    }

    @Override
    public boolean correct(ResourceResolver resolver, String path, @Nullable String expected, long delta, String token)
            throws PersistenceException {
        try {
            resolver.refresh();
            Resource counter = resolver.getResource(path);
            if (counter == null && !StatusCounters.isStatusCounter(path)) {
                return false; // a thread that went away since it was counted
            }
            if (counter == null) {
                // a status counter never created (its comments came in by hand)
                counter = ResourceUtil.getOrCreateResource(resolver, path, COUNTER, CommentStore.UNORDERED, false);
            }
            ModifiableValueMap props = Objects.requireNonNull(counter.adaptTo(ModifiableValueMap.class));
            if (!Objects.equals(expected, props.get(CountKeeper.PN_REPAIR, String.class))) {
                resolver.revert();
                return false;
            }
            props.put(CommentStore.PN_INCREMENT, delta);
            props.put(CountKeeper.PN_REPAIR, token);
            resolver.commit();
            return true;
        } catch (PersistenceException | RuntimeException e) {
            resolver.revert();
            resolver.refresh();
            if (Retry.isConflict(e)) {
                return false; // another instance repaired it first
            }
            throw e;
        }
    }
}
