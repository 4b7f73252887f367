/**
 * The pipeline: ServiceTitan facts, the rules of DESIGN §6 that derive each customer's opportunity from them, stage moves with their history and {@code crm.stage-moved} events, and the read side.
 */
@NullMarked
package io.lazi.crm.pipeline;

import org.jspecify.annotations.NullMarked;
