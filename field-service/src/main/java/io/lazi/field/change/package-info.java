/**
 * Announcing changes of what field-service serves on {@code field.changed}: customers, jobs, their status and
 * their assigned technicians, each event in the transaction of its change (outbox).
 */
@NullMarked
package io.lazi.field.change;

import org.jspecify.annotations.NullMarked;
