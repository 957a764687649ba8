package dev.newsfeed.api;

import java.util.Objects;

import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * What a {@link CommentChecker} says of a submission: accept it (the site's moderation policy decides), hold it for
 * a moderator, or store it as spam (answered like any submission, never shown).
 *
 * @since dev.newsfeed.api 1.0.0
 */
public final class Verdict {

    /** The kinds of verdict, from the mildest to the strictest. */
    public enum Kind {
        ACCEPT,
        HOLD,
        SPAM
    }

    private static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, null);

    private final Kind kind;
    private final String reason;

    private Verdict(Kind kind, @Nullable String reason) {
        this.kind = Objects.requireNonNull(kind);
        this.reason = reason;
    }

    public static @NotNull Verdict accept() {
        return ACCEPT;
    }

    /** Held for a moderator; the reason is shown to moderators. */
    public static @NotNull Verdict hold(@NotNull String reason) {
        return new Verdict(Kind.HOLD, reason);
    }

    /** Stored as spam; the reason is shown to moderators. */
    public static @NotNull Verdict spam(@NotNull String reason) {
        return new Verdict(Kind.SPAM, reason);
    }

    public @NotNull Kind kind() {
        return kind;
    }

    public @Nullable String reason() {
        return reason;
    }

    /** The stricter of two verdicts (the first when equally strict). */
    public @NotNull Verdict stricter(@NotNull Verdict other) {
        return other.kind.compareTo(kind) > 0 ? other : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict v && v.kind == kind && Objects.equals(v.reason, reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reason);
    }

    @Override
    public String toString() {
        return reason == null ? kind.name() : kind + " (" + reason + ")";
    }
}
