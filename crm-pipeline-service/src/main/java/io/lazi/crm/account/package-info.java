/**
 * Accounts (households and businesses, in a parent hierarchy) and their contacts, the ServiceTitan customers kept as
 * accounts with one primary contact each (from the pipeline's {@link io.lazi.crm.pipeline.CustomersApplied}, in the
 * same transaction), and the ranked search across accounts, contacts, leads and opportunities.
 */
@NullMarked
package io.lazi.crm.account;

import org.jspecify.annotations.NullMarked;
