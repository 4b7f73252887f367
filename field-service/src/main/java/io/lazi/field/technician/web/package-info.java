/** {@code /api/v2/technicians}, {@code /api/v2/teams}, {@code /api/v2/zones}, {@code /api/v2/business-units}. */
@NullMarked
package io.lazi.field.technician.web;

import org.jspecify.annotations.NullMarked;
