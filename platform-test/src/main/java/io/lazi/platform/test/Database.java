package io.lazi.platform.test;

/** Connection coordinates of the shared test PostgreSQL. */
public record Database(String jdbcUrl, String username, String password) {
}
