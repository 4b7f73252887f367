/**
 * The local stack: which processes make it ({@link io.lazi.localstack.StackService}) and how they are
 * wired and started ({@link io.lazi.localstack.LocalStack}), for {@code ./lazi up} and the end-to-end
 * tests alike. Below it: {@code process} (supervising processes, ports, state), {@code infra} (Kafka,
 * PostgreSQL, secrets, user tokens from the identity provider), {@code scenario} (what {@code up} does against a ready stack),
 * {@code bench} (the benchmarks) and {@code cli} (the {@code ./lazi} commands).
 */
package io.lazi.localstack;
