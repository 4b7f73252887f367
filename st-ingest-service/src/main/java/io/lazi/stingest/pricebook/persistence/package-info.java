/**
 * jOOQ repository of the category pulls' state: raw root payloads and the per-node snapshot used to
 * decide which subcategory images must be fetched again.
 */
@NullMarked
package io.lazi.stingest.pricebook.persistence;

import org.jspecify.annotations.NullMarked;
