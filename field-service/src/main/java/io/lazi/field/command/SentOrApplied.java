package io.lazi.field.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Documents a write endpoint answering {@link Written}: 200 (or 201) when applied to a Lazi-owned record, 202 when
 * sent to ServiceTitan as a command.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "Applied here to a Lazi-owned record: `outcome` `applied`, `record` after the write.")
@ApiResponse(responseCode = "202", description = "Sent to ServiceTitan: `outcome` `sent`, `command` pending (GET /api/v2/commands/{id}); the record changes when ServiceTitan's answer arrives (field:command-completed, field.changed).")
public @interface SentOrApplied {
}
