package io.lazi.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./lazi token [--tenant T[,T…]] [--roles R[,R…]] [--user U] [--ttl 8h]}: prints a dev JWT
 * signed with the run directory's secret, alone on the last line.
 */
final class TokenCommand {

	private TokenCommand() {
	}

	static int run(CliArgs args, StackLayout layout, PrintStream out, PrintStream err) throws IOException {

		args.allowOnly("tenant", "roles", "user", "ttl");
		var secret = SecretFile.read(layout.secretFile());
		if (secret.isEmpty()) {
			err.println("no running stack — run ./lazi up (no JWT secret in " + layout.runDirectory() + ")");
			return 1;
		}
		var token = DevTokens.mint(secret.get(), args.value("user", "dev-user"),
				args.values("tenant", List.of(LocalStack.REFERENCE_TENANT)), args.values("roles", List.of("ADMIN")),
				CliArgs.duration(args.value("ttl", "8h")));
		out.println(token);
		return 0;
	}
}
