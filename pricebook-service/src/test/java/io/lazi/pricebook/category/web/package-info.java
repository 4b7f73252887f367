@NullMarked
package io.lazi.pricebook.category.web;

import org.jspecify.annotations.NullMarked;
