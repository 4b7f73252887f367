/**
 * Images uploaded by users for pricebook overrides: type and size checked against the bytes, stored in
 * {@code uploaded_image}, retrievable by id within the tenant.
 */
@NullMarked
package io.lazi.image.upload;

import org.jspecify.annotations.NullMarked;
