/**
 * CRM sync runs: triggering a run at st-ingest, the sync log, and the reconciliation that re-derives every opportunity periodically and after each run.
 */
@NullMarked
package io.lazi.crm.sync;

import org.jspecify.annotations.NullMarked;
