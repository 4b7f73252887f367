/**
 * ServiceTitan's pricebook category endpoints (list, get, export) and the admin edits.
 */
@NullMarked
package io.lazi.stsimulator.pricebook.web;

import org.jspecify.annotations.NullMarked;
