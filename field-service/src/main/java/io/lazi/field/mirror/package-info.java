/**
 * The mirror of ServiceTitan: applies the {@code st.raw.*} records (and the records of command answers) to the
 * store, newest {@code modifiedOn} winning, and announces what changed for the tenants whose provider shows it.
 */
@NullMarked
package io.lazi.field.mirror;

import org.jspecify.annotations.NullMarked;
