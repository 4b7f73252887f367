/**
 * REST adapter of tasks, activities and timelines under {@code /api/crm}.
 */
@NullMarked
package io.lazi.crm.task.web;

import org.jspecify.annotations.NullMarked;
