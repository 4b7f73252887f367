/**
 * The web console served at {@code /}: its static files from the {@code console} artifact (hashed
 * assets cached for a year, everything else revalidated), {@code index.html} for every client route,
 * {@code /console-config.json} telling it the identity provider, and the Content-Security-Policy that
 * allows only what it loads (docs/architecture.md, "Console").
 */
@NullMarked
package io.lazi.gateway.console;

import org.jspecify.annotations.NullMarked;
