/**
 * The pricebook service of the Lazi platform.
 */
@NullMarked
package io.lazi.pricebook;

import org.jspecify.annotations.NullMarked;
