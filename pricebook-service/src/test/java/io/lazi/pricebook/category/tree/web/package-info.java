@NullMarked
package io.lazi.pricebook.category.tree.web;

import org.jspecify.annotations.NullMarked;
