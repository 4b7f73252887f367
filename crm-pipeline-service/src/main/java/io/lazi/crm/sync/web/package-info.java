/**
 * REST adapter of the sync runs: trigger and status.
 */
@NullMarked
package io.lazi.crm.sync.web;

import org.jspecify.annotations.NullMarked;
