/** HTTP routes of the deals: opportunities opened in Lazi, their CRM fields, line items and products. */
@NullMarked
package io.lazi.crm.deal.web;

import org.jspecify.annotations.NullMarked;
