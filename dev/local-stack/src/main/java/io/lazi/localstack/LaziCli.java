package io.lazi.localstack;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The {@code ./lazi} command: {@code up [--detach]}, {@code down}, {@code status},
 * {@code token --tenant T --roles R[,R…] [--user U] [--ttl 8h]}. The repository root comes from
 * the {@code lazi.home} system property (set by the {@code lazi} script), the run directory from
 * {@code LAZI_RUN_DIR} (default {@code <repository>/.lazi/run}). Prints to stdout for its user.
 */
public final class LaziCli {

	private static final String USAGE = """
			Usage: ./lazi <command>
			  up [--detach]   build what is missing, start Kafka, PostgreSQL, the ServiceTitan simulator and
			                  every service, sync the pricebook of tenant 3222348440 and print a summary;
			                  stays up until Ctrl-C, or returns once ready with --detach
			  down            stop what ./lazi up started (only those processes)
			  status          each process: pid, port, health, log file
			  token [--tenant T[,T…]] [--roles ADMIN[,VIEWER…]] [--user U] [--ttl 8h]
			                  print a dev JWT for the gateway (defaults: tenant 3222348440, ADMIN, dev-user, 8h)
			  bench images [--duration 10s] [--warmup 3s] [--concurrency 16] [--urls 200] [--tenant T]
			                  against a running stack: memory-hit throughput and p50/p99 latency of the
			                  pricebook images, on image-service directly and through the gateway
			  bench push [--overrides 100] [--rate-limited N] [--rate-limited-after 30] [--retry-after 1] [--tenant T]
			                  against a running stack: time and ServiceTitan calls to push N name overrides,
			                  optionally with N simulated 429s starting mid-push
			""";

	private LaziCli() {
	}

	/**
	 * @param args the command and its options
	 */
	public static void main(String[] args) {

		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {

		var home = Path.of(System.getProperty("lazi.home", ".")).toAbsolutePath().normalize();
		var runDirectory = System.getenv("LAZI_RUN_DIR");
		var layout = runDirectory == null || runDirectory.isBlank() ? StackLayout.of(home)
				: new StackLayout(home, Path.of(runDirectory));
		try {
			if (args.length > 1 && args[0].equals("bench")) {
				var rest = java.util.Arrays.copyOfRange(args, 1, args.length);
				rest[0] = "bench";
				return switch (args[1]) {
					case "images" -> ImageBench.run(CliArgs.parse(rest), layout, System.getenv(), out, err);
					case "push" -> PushBench.run(CliArgs.parse(rest), layout, System.getenv(), out, err);
					default -> throw new IllegalArgumentException("unknown benchmark '" + args[1] + "' (known: images, push)");
				};
			}
			var cli = CliArgs.parse(args);
			if (cli.flag("help")) {
				out.print(USAGE);
				return 0;
			}
			return switch (cli.command()) {
				case "up" -> new UpCommand(layout, System.getenv(), out, err).run(cli);
				case "down" -> DownCommand.run(cli, layout, out);
				case "status" -> StatusCommand.run(cli, layout, out);
				case "token" -> TokenCommand.run(cli, layout, out, err);
				case "help", "-h", "--help" -> {
					out.print(USAGE);
					yield 0;
				}
				default -> {
					err.println("Unknown command '" + cli.command() + "'");
					err.print(USAGE);
					yield 2;
				}
			};
		}
		catch (IllegalArgumentException ex) {
			err.println("lazi: " + ex.getMessage());
			err.print(USAGE);
			return 2;
		}
		catch (Exception ex) {
			err.println("lazi: " + ex);
			return 1;
		}
	}
}
