/**
 * The image service of the Lazi platform.
 */
@NullMarked
package io.lazi.image;

import org.jspecify.annotations.NullMarked;
