/** The {@code st.commands} listener: reads the CloudEvent and hands the command to {@code Commands}. */
@NullMarked
package io.lazi.stingest.command.kafka;

import org.jspecify.annotations.NullMarked;
