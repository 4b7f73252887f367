/**
 * Paging and the {@code active} filter shared by the pricebook's listings (categories and SKUs).
 */
@NullMarked
package io.lazi.pricebook.listing;

import org.jspecify.annotations.NullMarked;
