/**
 * What {@code ./lazi up} does against a ready stack, through the gateway as a user would: the full
 * pricebook sync, the CRM sync, the SKU counts, and the summary printed after them; plus the
 * {@link io.lazi.localstack.scenario.ServiceClient} every call to the stack goes through.
 */
package io.lazi.localstack.scenario;
