@NullMarked
package io.lazi.pricebook.category.sync.internal;

import org.jspecify.annotations.NullMarked;
