package dev.newsfeed.api;

/** Broken on purpose: a new public type in dev.newsfeed.api needs package version 1.1.0, and @Version says 1.0.0. */
public final class AddedType {
    private AddedType() {}
}
