/**
 * REST API of the CRM syncs.
 */
@NullMarked
package io.lazi.stingest.crm.web;

import org.jspecify.annotations.NullMarked;
