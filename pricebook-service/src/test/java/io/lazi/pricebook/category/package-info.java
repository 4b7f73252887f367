@NullMarked
package io.lazi.pricebook.category;

import org.jspecify.annotations.NullMarked;
