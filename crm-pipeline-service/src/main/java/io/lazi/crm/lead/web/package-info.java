/**
 * REST adapter of the leads: {@code /api/crm/leads} (create, get, list, update, delete) and
 * {@code POST /api/crm/leads/{id}/convert}.
 */
@NullMarked
package io.lazi.crm.lead.web;

import org.jspecify.annotations.NullMarked;
