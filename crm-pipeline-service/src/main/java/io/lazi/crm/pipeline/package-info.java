/**
 * The pipeline: ServiceTitan facts, the rules of DESIGN §6 that derive each customer's opportunity from them, stage moves with their history and {@code crm.stage-moved} events, users' won/lost marks ({@code crm.opportunities}) with field-service's reports of their write-back and of the technicians assigned to jobs ({@code field.changed}), and the read side.
 */
@NullMarked
package io.lazi.crm.pipeline;

import org.jspecify.annotations.NullMarked;
