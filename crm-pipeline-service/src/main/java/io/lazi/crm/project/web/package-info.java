/**
 * REST adapter of install projects under {@code /api/crm}: projects with their milestones and health, and the
 * milestone templates per business unit.
 */
@NullMarked
package io.lazi.crm.project.web;

import org.jspecify.annotations.NullMarked;
