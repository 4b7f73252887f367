/**
 * What the pricebook's features (categories and SKUs) share: the {@code active} filter of their listings
 * (paging is the platform's {@link io.lazi.platform.web.PageRequest}), the conversion of
 * {@code timestamptz} columns and the update side of upserts.
 */
@NullMarked
package io.lazi.pricebook.listing;

import org.jspecify.annotations.NullMarked;
