/**
 * Pricebook image redirects and the simulated CDN that serves rendered image bytes.
 */
@NullMarked
package io.lazi.stsimulator.images;

import org.jspecify.annotations.NullMarked;
