/**
 * REST API of pricebook syncs: trigger runs, read status, runs and the run log of the caller's tenant.
 */
@NullMarked
package io.lazi.stingest.pricebook.web;

import org.jspecify.annotations.NullMarked;
