/**
 * The metrics defaults every Lazi service shares: the {@code application} tag on every series and latency
 * histograms ({@link io.lazi.platform.metrics.LaziMetricsAutoConfiguration}), and
 * {@link io.lazi.platform.metrics.AfterCommit} for counters of transactional work.
 */
@NullMarked
package io.lazi.platform.metrics;

import org.jspecify.annotations.NullMarked;
