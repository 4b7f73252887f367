@NullMarked
package io.lazi.pricebook.sku;

import org.jspecify.annotations.NullMarked;
