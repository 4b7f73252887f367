/**
 * The ServiceTitan CDN proxy ({@code GET /images/st/{host}/{path}}): fetches only from allow-listed
 * ServiceTitan hosts, connects only to resolved addresses that are public (no loopback, private,
 * link-local, metadata, ULA, multicast or IPv4-mapped private ones), re-checks every redirect hop and
 * bounds bytes and time (OWASP API7 SSRF).
 */
@NullMarked
package io.lazi.image.stproxy;

import org.jspecify.annotations.NullMarked;
