/**
 * ServiceTitan's technician (settings) and dispatch endpoints for the field crew, and the admin read of a crew.
 */
@NullMarked
package io.lazi.stsimulator.dispatch.web;

import org.jspecify.annotations.NullMarked;
