/**
 * ServiceTitan's settings, crm, jpm and sales list endpoints and the admin edits of CRM data.
 */
@NullMarked
package io.lazi.stsimulator.crm.web;

import org.jspecify.annotations.NullMarked;
