@NullMarked
package io.lazi.image;

import org.jspecify.annotations.NullMarked;
