/**
 * The fault harness: workloads, a seeded fault schedule and the end-of-run invariants of issue 15, run
 * against the whole platform as real processes (docs/fault-harness.md).
 */
package io.lazi.faultharness;
