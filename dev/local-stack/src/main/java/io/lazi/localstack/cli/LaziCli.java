package io.lazi.localstack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.scenario.SyncException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ./lazi} command, whose subcommands each live in a class of their own. Exit codes: 0
 * done, 1 failed (the message says why), 2 bad usage (the message and the usage say how), and
 * {@code status}'s 3 for a stack that is only partly running. Output goes to the command line's
 * out and err writers (the terminal, or a test's buffers).
 */
@Command(name = "./lazi", mixinStandardHelpOptions = true, versionProvider = LaziCli.Version.class,
		description = "The Lazi local stack: Kafka, PostgreSQL, the ServiceTitan simulator and every service, "
				+ "as processes on this machine.",
		subcommands = { UpCommand.class, DownCommand.class, StatusCommand.class, KillCommand.class, StopCommand.class,
				StartCommand.class, RestartCommand.class, TokenCommand.class, BenchCommand.class, ChaosCommand.class,
				HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:failed (the message says why)", "2:bad usage",
				"3:status: not every process is running" })
public final class LaziCli implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	/**
	 * Runs {@code ./lazi} with the system's context and exits with its exit code.
	 * @param args the command and its options
	 */
	public static void main(String[] args) {

		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
		System.exit(commandLine(CliContext.fromSystem()).execute(args));
	}

	/**
	 * The {@code ./lazi} command line, its commands working against {@code context}, its usage listing
	 * every command with its options ({@link CommandList}); role names are accepted in any case. Call
	 * {@link CommandLine#execute} on it.
	 */
	public static CommandLine commandLine(CliContext context) {

		return withUsage(new CommandLine(new LaziCli(), new ContextFactory(context)))
			.setCaseInsensitiveEnumValuesAllowed(true)
			.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr()));
	}

	/** Without a command: the usage, as {@code --help} prints it. */
	@Override
	public Integer call() {
		return usage(spec);
	}

	/**
	 * The usage of {@code commandLine} and of every command below it: the {@link CommandList},
	 * options in declaration order, their defaults shown.
	 */
	private static CommandLine withUsage(CommandLine commandLine) {

		commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
		commandLine.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false).showDefaultValues(true);
		commandLine.getSubcommands().values().forEach(LaziCli::withUsage);
		return commandLine;
	}

	/** Prints the usage of the command of {@code spec} to its out; 0. */
	static int usage(CommandSpec spec) {

		spec.commandLine().usage(spec.commandLine().getOut());
		return 0;
	}

	/**
	 * What a command threw: a failed call to the stack or a token the identity provider refused is told
	 * as it is (1), a bad value from the environment (e.g. {@code LAZI_KAFKA_PORT=x}) is bad usage (2),
	 * anything else a failure (1).
	 */
	private static int failed(Exception ex, PrintWriter err) {

		if (ex instanceof SyncException || ex instanceof IdentityProviderClient.TokenRequestException) {
			err.println(ex.getMessage());
			return 1;
		}
		if (ex instanceof IllegalArgumentException) {
			err.println("lazi: " + ex.getMessage());
			return 2;
		}
		err.println("lazi: " + ex);
		return 1;
	}

	/** {@code --version}: the project version the local stack was built with. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "lazi " + StackLayout.VERSION };
		}
	}

	/** Makes what picocli asks for as picocli does, and binds the {@link StackCommand}s to the context. */
	private record ContextFactory(CliContext context) implements IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {

			var made = CommandLine.defaultFactory().create(type);
			if (made instanceof StackCommand command) {
				command.bind(context);
			}
			return made;
		}
	}
}
