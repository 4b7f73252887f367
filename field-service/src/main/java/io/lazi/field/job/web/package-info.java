/** {@code /api/v2/jobs}, {@code /api/v2/appointments}, {@code /api/v2/job-cancel-reasons}, {@code /api/v2/job-hold-reasons}. */
@NullMarked
package io.lazi.field.job.web;

import org.jspecify.annotations.NullMarked;
