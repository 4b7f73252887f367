package io.lazi.localstack.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseRole;
import io.lazi.localstack.process.Elapsed;
import io.lazi.localstack.process.ManagedProcess;
import io.lazi.platform.events.KafkaAccess;

/**
 * The text {@code ./lazi up} prints once the stack is ready and synced: what the syncs did and
 * where to look.
 *
 * @param stack the started stack
 * @param tenant the synced tenant
 * @param readyAfter how long the stack took to be ready
 * @param sync the pricebook sync
 * @param crm the CRM sync
 * @param skus the SKU counts, described by {@link SkuCounts}
 * @param dispatch the dispatch pull that followed the CRM sync, described by {@link DispatchPull}
 * @param records the CRM records added by hand, described by {@link CrmReferenceData}
 * @param images what image-service holds, described by {@link ImageCacheStats}
 */
record Summary(LocalStack stack, String tenant, Duration readyAfter, PricebookSync.Result sync, CrmSync.Result crm,
		String skus, String dispatch, String records, String images) {

	void print(PrintWriter out, List<ManagedProcess> processes) {

		var run = sync.run();
		var stats = sync.stats();
		heading(out, "Pricebook", run);
		row(out, "root categories", stats.path("roots").asText());
		row(out, "subcategories", stats.path("subcategories").asText());
		out.println("    depth   subcategories");
		depths(stats.path("subcategoriesByDepth"))
			.forEach((depth, count) -> out.printf(Locale.ROOT, "    %5d   %13d%n", depth, count));
		row(out, "subcategories with an image", stats.path("withImage").asText());
		row(out, "services / materials / equipment", skus);
		row(out, "images cached", images);
		row(out, "tree published after", Elapsed.seconds(Duration.ofMillis(run.path("recordsPublishedMs").asLong())));
		row(out, "sync duration (images included)", Elapsed.seconds(Duration.ofMillis(run.path("durationMs").asLong())));
		row(out, "ServiceTitan calls made", run.path("stCalls").asText());
		row(out, "429s received", run.path("rateLimited").asText());
		row(out, "time to ready", Elapsed.seconds(readyAfter));
		printCrm(out);

		var instances = stack.instances();
		var gateway = instances.first(StackService.GATEWAY).baseUrl();
		var tokenCommand = "./lazi token --tenant " + tenant + " --roles ADMIN";
		out.println();
		link(out, "Console", gateway + "/ (sign in as admin@" + tenant + ", password in "
				+ stack.secrets().usersPasswordFile() + ")");
		link(out, "Gateway", gateway);
		instances.of(StackService.GATEWAY).stream().skip(1).forEach(other -> link(out, "", other.baseUrl()
				+ " (instance " + other.number() + "; each gateway balances over every instance of each service)"));
		link(out, "WebSocket", gateway.replace("http:", "ws:") + "/ws?access_token=$TOKEN&tenant=" + tenant);
		link(out, "", "with TOKEN=$(" + tokenCommand + " | tail -1)");
		link(out, "Identity (IdP)", stack.issuer() + " (issuer; OIDC discovery at /.well-known/openid-configuration)");
		link(out, "", "console users <role>@<tenant> (admin@" + tenant + ", viewer@" + tenant + ", …), password in "
				+ stack.secrets().usersPasswordFile());
		link(out, "Health", "(management ports, no route reaches them)");
		for (var service : StackService.values()) {
			instances.of(service).forEach(instance -> out.printf("    %-22s %s%n", instance.name(), instance.healthUrl()));
		}
		link(out, "ST simulator", StackService.ST_SIMULATOR.baseUrl(stack.ports()));
		link(out, "Kafka", stack.kafkaBootstrapServers());
		var admin = stack.secrets().kafkaCredentials().passwordFile(KafkaAccess.ADMIN);
		link(out, "", "kcat -b " + stack.kafkaBootstrapServers() + " -X security.protocol=SASL_PLAINTEXT"
				+ " -X sasl.mechanisms=SCRAM-SHA-512 -X sasl.username=" + KafkaAccess.ADMIN + " -X sasl.password=$(cat "
				+ admin + ") -C -t st.raw.categories -f '%k %h\\n' -e");
		link(out, "PostgreSQL", stack.database().jdbcUrl() + " (each service as its role "
				+ DatabaseRole.ALL.stream().map(role -> stack.databaseCredentials(role).username()).toList()
				+ ", passwords in " + stack.secrets().directory() + "/database-password-<role>)");
		link(out, "Run directory", stack.layout().runDirectory().toString());
		link(out, "Logs", "");
		processes.forEach(process -> out.printf("    %-22s %s%n", process.name(), process.logFile()));
		link(out, "Token", tokenCommand + "[,VIEWER…] [--user U] [--ttl 1h]");
	}

	private void printCrm(PrintWriter out) {

		var run = crm.run();
		var stats = crm.stats();
		heading(out, "CRM pipelines", run);
		row(out, "records applied", run.path("records").asText());
		if (run.hasNonNull("durationMs")) {
			row(out, "sync duration", Elapsed.seconds(Duration.ofMillis(run.path("durationMs").asLong())));
		}
		row(out, "dispatch pulled", dispatch);
		row(out, "contacts", stats.path("contacts").asText());
		row(out, "opportunities", stats.path("opportunities").asText());
		for (var pipeline : stats.path("pipelines")) {
			out.printf(Locale.ROOT, "    %-36s %6d  %12s%n", pipeline.path("name").asText(), pipeline.path("count").asLong(),
					money(pipeline.path("value")));
			for (var stage : pipeline.path("stages")) {
				if (stage.path("count").asLong() > 0) {
					out.printf(Locale.ROOT, "      %-34s %6d  %12s%n", stage.path("name").asText(),
							stage.path("count").asLong(), money(stage.path("value")));
				}
			}
		}
		row(out, "CRM records", records);
	}

	private void heading(PrintWriter out, String what, JsonNode run) {

		out.println();
		out.printf("%s of tenant %s (sync run %s, %s)%n", what, tenant, run.path("syncRunId").asText(),
				run.path("status").asText());
	}

	private static String money(JsonNode value) {
		return value.isNumber() ? String.format(Locale.ROOT, "$%,.2f", value.decimalValue()) : "";
	}

	static TreeMap<Integer, Long> depths(JsonNode byDepth) {

		var depths = new TreeMap<Integer, Long>();
		for (var depth = 1; depth <= 8; depth++) {
			depths.put(depth, 0L);
		}
		byDepth.properties().forEach(entry -> depths.put(Integer.valueOf(entry.getKey()), entry.getValue().asLong()));
		return depths;
	}

	private static void row(PrintWriter out, String label, String value) {
		out.printf("  %-30s %10s%n", label, value);
	}

	private static void link(PrintWriter out, String label, String value) {
		out.println(String.format("%-16s %s", label, value).stripTrailing());
	}
}
