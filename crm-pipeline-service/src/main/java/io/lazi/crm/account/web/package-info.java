/**
 * REST adapter of accounts, contacts and the cross-record search under {@code /api/crm}.
 */
@NullMarked
package io.lazi.crm.account.web;

import org.jspecify.annotations.NullMarked;
