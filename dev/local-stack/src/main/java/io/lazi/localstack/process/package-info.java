/**
 * Running the stack's processes: where their jars, logs and state are ({@link io.lazi.localstack.process.StackLayout}),
 * their ports, their Java command lines, readiness checks, and the supervisor that starts, records
 * ({@link io.lazi.localstack.process.StackState}) and stops them. Knows nothing of what the processes are.
 */
package io.lazi.localstack.process;
