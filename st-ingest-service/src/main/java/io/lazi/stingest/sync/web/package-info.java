/**
 * REST API of the syncs of every resource: trigger runs, read status, runs and the run log of the
 * caller's tenant.
 */
@NullMarked
package io.lazi.stingest.sync.web;

import org.jspecify.annotations.NullMarked;
