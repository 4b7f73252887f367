/**
 * ServiceTitan's settings, crm, jpm and sales endpoints (lists, reads by id, and the customer, job, appointment and
 * estimate writes) and the admin edits of CRM data.
 */
@NullMarked
package io.lazi.stsimulator.crm.web;

import org.jspecify.annotations.NullMarked;
