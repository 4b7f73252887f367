/**
 * Pricebook image bytes from ServiceTitan for image-service: {@code Images_Get} inside the tenant's
 * rate budget, then the CDN download its redirect points at, bounded in bytes, time and hops.
 */
@NullMarked
package io.lazi.stingest.images;

import org.jspecify.annotations.NullMarked;
