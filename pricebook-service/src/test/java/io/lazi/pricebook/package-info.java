@NullMarked
package io.lazi.pricebook;

import org.jspecify.annotations.NullMarked;
