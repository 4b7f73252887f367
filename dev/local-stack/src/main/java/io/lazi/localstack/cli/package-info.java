/**
 * The {@code ./lazi} command (picocli): {@link io.lazi.localstack.cli.LaziCli}, the main class, and one
 * class per command, their options validated and their usage generated.
 */
package io.lazi.localstack.cli;
