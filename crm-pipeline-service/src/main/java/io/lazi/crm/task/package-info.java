/**
 * Tasks, activities and the timeline of a CRM record: to-dos with a due time and an assignee (announced on
 * {@code crm.tasks} when assigned), the calls, emails, meetings and notes logged against a record, and one newest-first
 * feed merging them with the pipeline's stage moves and the ServiceTitan facts it stores.
 */
@NullMarked
package io.lazi.crm.task;

import org.jspecify.annotations.NullMarked;
