/** {@code GET}/{@code PUT /api/v2/providers}. */
@NullMarked
package io.lazi.field.provider.web;

import org.jspecify.annotations.NullMarked;
