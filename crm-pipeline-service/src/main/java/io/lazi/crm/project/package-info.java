/**
 * Install projects: an Install opportunity opens one project (in the transaction that moved it) with milestones
 * copied from the milestone template of its job's business unit, the tenant's default template, or the built-in
 * one; users move milestones along and the project's health follows from overdue milestones and stale activity.
 */
@NullMarked
package io.lazi.crm.project;

import org.jspecify.annotations.NullMarked;
