/** The RS256 signing key: generated on first start, kept in a file only its owner may read. */
@NullMarked
package io.lazi.identityprovider.keys;

import org.jspecify.annotations.NullMarked;
