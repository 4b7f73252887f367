/** The command kafka adapter. */
@NullMarked
package io.lazi.field.command.kafka;

import org.jspecify.annotations.NullMarked;
