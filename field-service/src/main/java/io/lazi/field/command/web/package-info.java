/** The command web adapter. */
@NullMarked
package io.lazi.field.command.web;

import org.jspecify.annotations.NullMarked;
