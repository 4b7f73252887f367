/**
 * REST adapter of the pipeline: contacts, opportunities, stage history, manual moves, won/lost marks, stats and the activity feed under {@code /api/crm}.
 */
@NullMarked
package io.lazi.crm.pipeline.web;

import org.jspecify.annotations.NullMarked;
