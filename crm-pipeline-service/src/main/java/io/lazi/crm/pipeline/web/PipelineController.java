package io.lazi.crm.pipeline.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.pipeline.ManualMoves;
import io.lazi.crm.pipeline.OpportunityStatus;
import io.lazi.crm.pipeline.OutcomeMarks;
import io.lazi.crm.pipeline.Pipeline;
import io.lazi.crm.pipeline.PipelineQueries;
import io.lazi.crm.pipeline.Stage;
import io.lazi.crm.pipeline.Views.Distribution;
import io.lazi.crm.pipeline.Views.HistoryEntry;
import io.lazi.crm.pipeline.Views.OpportunityDetail;
import io.lazi.crm.pipeline.Views.OpportunityView;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's pipeline under {@code /api/crm}: opportunities with their history, manual
 * moves, won/lost marks, the distribution and the activity feed. Bad input answers 400 naming the field, a refused
 * move or mark 409, another tenant's opportunity 404.
 */
@Tag(name = "Pipelines", description = "Contacts and opportunities in the Sales and Install pipelines.")
@RestController
@RequestMapping("/api/crm")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PipelineController {

	private final PipelineQueries queries;

	private final ManualMoves moves;

	private final OutcomeMarks marks;

	@Operation(summary = "List opportunities",
			description = "Derived and opened in Lazi, deleted ones left out. Filtered by `pipeline`, `stage`, `status`, `accountId`, `ownerId` and `source` (`servicetitan` or `lazi`) when given. `sort=field[,asc|desc]` with field one of stageEnteredAt, createdAt, updatedAt, title, amount, probability, expectedCloseDate; newest stage entry first by default.")
	@GetMapping("/opportunities")
	Page<OpportunityView> opportunities(Tenant tenant, @RequestParam(required = false) @Nullable String pipeline,
			@RequestParam(required = false) @Nullable String stage,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable String ownerId,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String sort, PageRequest page) {
		return queries.opportunities(tenant,
				new PipelineQueries.OpportunityFilter(pipeline == null ? null : pipeline(pipeline),
						stage == null ? null : stage(stage, "stage"), status == null ? null : status(status), accountId,
						ownerId, source == null ? null : source(source)),
				sort, page);
	}

	@Operation(summary = "Read an opportunity with its stage history and line items",
			description = "`ETag` is the opportunity's version, for `If-Match` on its changes. 404 for another tenant's or a deleted opportunity.")
	@GetMapping("/opportunities/{id}")
	ResponseEntity<OpportunityDetail> opportunity(Tenant tenant, @PathVariable UUID id) {
		return withETag(queries.opportunity(tenant, id));
	}

	/** A user's manual move, recorded as made by the token's {@code sub} (the security chain requires one). */
	@Operation(summary = "Move an opportunity to another stage",
			description = "Body `{stage}`. Recorded as the token's user. A derived opportunity enters only the manual stages; 409 with the reason when the rules forbid the move (a stage the rules enter, backward, out of a protected stage). An opportunity opened in Lazi enters any other stage of its pipeline, but never leaves Job Sold, and leaves Estimate Lost only for Job Sold. Entering Job Sold or Estimate Lost publishes `crm.opportunity-won`/`-lost`.")
	@PutMapping("/opportunities/{id}/stage")
	ResponseEntity<OpportunityDetail> move(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable StageChange body, @AuthenticationPrincipal Jwt user) {

		if (body == null || body.stage() == null || body.stage().isBlank()) {
			throw new InvalidInputException("stage", "is required");
		}
		moves.move(tenant, id, stage(body.stage(), "stage"), user.getSubject());
		return withETag(queries.opportunity(tenant, id));
	}

	/**
	 * A user's won/lost mark, recorded as made by the token's {@code sub}. 202, not 200: what was asked for has not
	 * happened yet; ServiceTitan's estimate is sold or dismissed afterwards (field-service) and the stage follows
	 * only when the rules read it back. The body is the opportunity, whose {@code writeBack} then tells how far it got.
	 */
	@Operation(summary = "Mark an opportunity won or lost",
			description = "Body `{outcome}`: `won` sells the opportunity's ServiceTitan estimate, `lost` dismisses it, through the provider of the tenant's estimates domain (field-service, via `crm.opportunities`). Recorded as the token's user. Accepted, not done: the answer is the opportunity with `writeBack.status` `requested`, which then becomes `sent`, `succeeded`, `failed` or `kept`. The stage does not change here; the pipeline rules move it to Job Sold or Estimate Lost when ServiceTitan's estimate comes back Sold or Dismissed.",
			responses = {
					@ApiResponse(responseCode = "202",
							description = "Accepted: the opportunity, its `writeBack` `requested`, its stage unchanged."),
					@ApiResponse(responseCode = "409",
							description = "Refused with the reason (`field`: `outcome`): the opportunity has no ServiceTitan estimate, is already won or lost, or the same outcome is still `requested` or `sent`.",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(ref = "#/components/schemas/Problem"))) })
	@PutMapping("/opportunities/{id}/outcome")
	@ResponseStatus(HttpStatus.ACCEPTED)
	OpportunityDetail markOutcome(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable OutcomeChange body, @AuthenticationPrincipal Jwt user) {

		marks.mark(tenant, id, outcome(body), user.getSubject());
		return queries.opportunity(tenant, id);
	}

	@Operation(summary = "Count opportunities per pipeline and stage")
	@GetMapping("/sync/stats")
	Distribution stats(Tenant tenant) {
		return queries.distribution(tenant);
	}

	@Operation(summary = "List stage moves, newest first")
	@GetMapping("/activity")
	Page<HistoryEntry> activity(Tenant tenant, PageRequest page) {
		return queries.activity(tenant, page);
	}

	@ExceptionHandler(ManualMoves.StageMoveRefused.class)
	ProblemDetail refused(ManualMoves.StageMoveRefused ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Stage move refused");
		problem.setProperty("field", "stage");
		return problem;
	}

	@ExceptionHandler(OutcomeMarks.OutcomeRefused.class)
	ProblemDetail refused(OutcomeMarks.OutcomeRefused ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Outcome refused");
		problem.setProperty("field", "outcome");
		return problem;
	}

	private static ResponseEntity<OpportunityDetail> withETag(OpportunityDetail detail) {
		return ResponseEntity.ok().eTag(Versions.etag(detail.opportunity().version())).body(detail);
	}

	private static String source(String value) {

		var source = value.trim().toLowerCase(Locale.ROOT);
		if (!source.equals("servicetitan") && !source.equals("lazi")) {
			throw new InvalidInputException("source", "must be servicetitan or lazi");
		}
		return source;
	}

	/** {@code won} or {@code lost}, exactly: the values of the event that carries it. */
	private static OpportunityStatus outcome(@Nullable OutcomeChange body) {

		var outcome = body == null ? null : body.outcome();
		if (outcome == null || outcome.isBlank()) {
			throw new InvalidInputException("outcome", "is required: won or lost");
		}
		return switch (outcome) {
			case "won" -> OpportunityStatus.WON;
			case "lost" -> OpportunityStatus.LOST;
			default -> throw new InvalidInputException("outcome", "must be won or lost");
		};
	}

	private static Pipeline pipeline(String value) {
		return Arrays.stream(Pipeline.values())
			.filter(p -> p.name().equalsIgnoreCase(value.trim()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("pipeline", "must be one of " + names(Pipeline.values())));
	}

	private static Stage stage(String value, String field) {
		return Stage.parse(value)
			.orElseThrow(() -> new InvalidInputException(field, "must be one of " + names(Stage.values())));
	}

	private static OpportunityStatus status(String value) {
		return Arrays.stream(OpportunityStatus.values())
			.filter(s -> s.wire().equals(value.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("status", "must be open, won or lost"));
	}

	private static String names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
	}

	/** Body of a manual move: the target stage key, e.g. {@code ESTIMATE_FOLLOW_UP}. */
	record StageChange(@Nullable String stage) {
	}

	/** Body of a won/lost mark: {@code won} or {@code lost}. */
	record OutcomeChange(@Nullable String outcome) {
	}
}
