/**
 * The {@code active} filter shared by the pricebook's listings (categories and SKUs); paging is the
 * platform's {@link io.lazi.platform.web.PageRequest}.
 */
@NullMarked
package io.lazi.pricebook.listing;

import org.jspecify.annotations.NullMarked;
