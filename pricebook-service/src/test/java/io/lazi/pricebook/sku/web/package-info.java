@NullMarked
package io.lazi.pricebook.sku.web;

import org.jspecify.annotations.NullMarked;
