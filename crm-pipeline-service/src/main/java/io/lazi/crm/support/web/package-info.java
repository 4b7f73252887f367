/**
 * REST adapter of service cases under {@code /api/crm/cases}.
 */
@NullMarked
package io.lazi.crm.support.web;

import org.jspecify.annotations.NullMarked;
