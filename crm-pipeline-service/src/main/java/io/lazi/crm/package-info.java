/**
 * The CRM pipeline service: contacts and opportunities derived from ServiceTitan records.
 */
@NullMarked
package io.lazi.crm;

import org.jspecify.annotations.NullMarked;
