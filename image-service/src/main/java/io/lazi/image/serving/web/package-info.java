/**
 * REST API of pricebook images: {@code /images/db/categories/{stId}},
 * {@code /images/db/subcategories/{stId}} and {@code /images/stats} of the caller's tenant.
 */
@NullMarked
package io.lazi.image.serving.web;

import org.jspecify.annotations.NullMarked;
