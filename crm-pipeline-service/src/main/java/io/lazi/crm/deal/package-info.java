/**
 * Deals: opportunities opened in Lazi by users or by converting a lead ({@link io.lazi.crm.deal.OpportunityRecords},
 * beside the ones the pipeline derives, in the same table), the CRM fields users edit on both, their pricebook line
 * items ({@link io.lazi.crm.deal.LineItems}) and the snapshot of the pricebook's services, materials and equipment
 * they are priced from ({@link io.lazi.crm.deal.ProductSnapshots}, {@link io.lazi.crm.deal.Products}). Stage moves
 * and their won/lost events are the pipeline's ({@link io.lazi.crm.pipeline.ManualOpportunities}).
 */
@NullMarked
package io.lazi.crm.deal;

import org.jspecify.annotations.NullMarked;
