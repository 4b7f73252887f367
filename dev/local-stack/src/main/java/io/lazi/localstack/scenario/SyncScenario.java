package io.lazi.localstack.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackService;
import io.lazi.localstack.process.ManagedProcess;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.access.Role;

/**
 * What {@code ./lazi up} does against a ready stack: a full pricebook sync and a CRM sync of one
 * tenant through the gateway as an ADMIN (a token from the stack's identity provider), the SKU counts that come with
 * the pricebook, the dispatch pull that follows the CRM sync (field-service's technicians, teams, zones…), the CRM records
 * office staff would have made ({@link CrmReferenceData}), then the
 * {@link Summary} of it all.
 *
 * @param stack the started, ready stack
 * @param tenant the tenant to sync
 * @param timeout for each of the two syncs
 */
public record SyncScenario(LocalStack stack, String tenant, Duration timeout) {

	/** How long the SKU pull that follows a pricebook sync may take to be stored. */
	private static final Duration SKU_TIMEOUT = Duration.ofSeconds(60);

	/** How long the dispatch pull that follows a CRM sync may take. */
	private static final Duration DISPATCH_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Runs both syncs, telling {@code out} as each begins, and prints the summary.
	 * @param readyAfter how long the stack took to be ready, for the summary
	 * @param processes the started processes, whose log files the summary lists
	 * @throws SyncException when a sync fails, the gateway refuses, or {@code timeout} passes
	 * @throws io.lazi.localstack.infra.IdentityProviderClient.TokenRequestException when the identity
	 * provider refuses the ADMIN token
	 */
	public void run(Duration readyAfter, List<ManagedProcess> processes, PrintWriter out) {

		out.printf("Syncing the pricebook of tenant %s through the gateway…%n", tenant);
		var token = stack.identityProvider().userToken("lazi-up", List.of(tenant), List.of(Role.ADMIN.name()),
				Duration.ofHours(1));
		var gateway = ServiceClient.gateway(StackService.GATEWAY.baseUrl(stack.ports()), token, tenant);
		var sync = new PricebookSync(gateway, timeout).run();
		out.printf("Syncing the CRM pipelines of tenant %s through the gateway…%n", tenant);
		var lag = stack.consumerLag();
		var crmTriggered = Instant.now();
		var crm = new CrmSync(gateway, timeout, () -> lag.of(KafkaAccess.Principal.CRM_PIPELINE)).run();
		var skus = SkuCounts.describe(gateway, SKU_TIMEOUT);
		var dispatch = DispatchPull.describe(gateway, crmTriggered, DISPATCH_TIMEOUT);
		out.printf("Adding the CRM's reference records of tenant %s through the gateway…%n", tenant);
		var records = CrmReferenceData.seed(gateway);
		var images = ImageCacheStats.describe(ServiceClient.direct(StackService.IMAGE.baseUrl(stack.ports()), token, tenant));
		new Summary(stack, tenant, readyAfter, sync, crm, skus, dispatch, records, images).print(out, processes);
	}
}
