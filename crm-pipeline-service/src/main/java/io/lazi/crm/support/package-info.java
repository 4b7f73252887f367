/**
 * Service cases (warranty, complaint, question) of accounts: per-tenant case numbers, an SLA due time by priority,
 * breach computed when read, and {@code crm.case-opened} when one is opened.
 */
@NullMarked
package io.lazi.crm.support;

import org.jspecify.annotations.NullMarked;
