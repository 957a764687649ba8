package dev.newsfeed.impl.embargo;

import java.util.Map;
import java.util.Set;

import org.apache.jackrabbit.oak.api.PropertyState;
import org.apache.jackrabbit.oak.api.Tree;
import org.apache.jackrabbit.oak.api.Type;
import org.apache.jackrabbit.oak.spi.security.authorization.restriction.AbstractRestrictionProvider;
import org.apache.jackrabbit.oak.spi.security.authorization.restriction.Restriction;
import org.apache.jackrabbit.oak.spi.security.authorization.restriction.RestrictionDefinitionImpl;
import org.apache.jackrabbit.oak.spi.security.authorization.restriction.RestrictionPattern;
import org.apache.jackrabbit.oak.spi.security.authorization.restriction.RestrictionProvider;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * Adds the access control restriction {@value #NAME} to Oak: an entry with it applies only to the items of articles
 * (nodes of the resource type given as its value, and their descendants) that are embargoed at the moment of the
 * read (no publish date, or one ahead). Newsfeed denies {@code jcr:read} to {@code everyone} with it
 * ({@link EmbargoAccessControl}), so drafts and scheduled articles are unreadable through every address of the
 * instance, and readable from their publish instant on.
 *
 * <p>Oak's security provider binds every {@link RestrictionProvider} service. Without this provider Oak ignores the
 * unknown restriction, so the deny entry applies to everything below its node: the sites go dark rather than leak.
 */
@Component(
        service = {RestrictionProvider.class, EmbargoRestrictionProvider.class},
        immediate = true)
public final class EmbargoRestrictionProvider extends AbstractRestrictionProvider {

    /** The restriction's name; its value is the resource type of articles. */
    public static final String NAME = "newsfeedEmbargo";

    public EmbargoRestrictionProvider() {
        super(Map.of(NAME, new RestrictionDefinitionImpl(NAME, Type.STRING, false)));
    }

    @Override
    public @NotNull RestrictionPattern getPattern(@Nullable String oakPath, @NotNull Tree tree) {
        if (oakPath == null) {
            return RestrictionPattern.EMPTY;
        }
        PropertyState value = getRestrictionsTree(tree).getProperty(NAME);
        return value == null ? RestrictionPattern.EMPTY : pattern(value);
    }

    @Override
    public @NotNull RestrictionPattern getPattern(@Nullable String oakPath, @NotNull Set<Restriction> restrictions) {
        if (oakPath == null) {
            return RestrictionPattern.EMPTY;
        }
        for (Restriction r : restrictions) {
            if (NAME.equals(r.getDefinition().getName())) {
                return pattern(r.getProperty());
            }
        }
        return RestrictionPattern.EMPTY;
    }

    private static RestrictionPattern pattern(PropertyState value) {
        String type = value.isArray() ? null : value.getValue(Type.STRING);
        return new EmbargoPattern(type == null || type.isBlank() ? Embargo.ARTICLE_TYPE : type);
    }
}
