@NullMarked
package io.lazi.pricebook.category.internal;

import org.jspecify.annotations.NullMarked;
