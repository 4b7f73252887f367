/**
 * What every CRM record shares: the record types one record can relate to ({@link io.lazi.crm.record.RecordType}),
 * optimistic locking through ETags ({@link io.lazi.crm.record.Versions}), the acting user
 * ({@link io.lazi.crm.record.Actor}), the existence check of a related record
 * ({@link io.lazi.crm.record.RelatedRecords}) and search terms ({@link io.lazi.crm.record.SearchTerms}).
 */
@NullMarked
package io.lazi.crm.record;

import org.jspecify.annotations.NullMarked;
