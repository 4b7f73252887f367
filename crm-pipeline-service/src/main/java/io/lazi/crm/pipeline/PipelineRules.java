package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

import io.lazi.crm.pipeline.CustomerFacts.Estimate;
import io.lazi.crm.pipeline.CustomerFacts.Job;

/**
 * The pipeline rules of DESIGN §6 as a pure function of a customer's facts, its current opportunity
 * and the time: the same facts give the same opportunity whatever order they arrived in. Stateless
 * and thread-safe.
 *
 * <ol>
 * <li>a job created within the recent-job window creates the opportunity in Contacted, pipeline from
 * the job's business unit;</li>
 * <li>an appointment on one of the customer's jobs → Appointment Scheduled;</li>
 * <li>an estimate with a value → title "name - $value", Proposal Sent;</li>
 * <li>a sold estimate → Job Sold (won); a dismissed one → Estimate Lost (lost); sold outranks
 * dismissed, dismissed outranks open, so a later open estimate never reopens a lost opportunity;</li>
 * <li>an Install business-unit job → Install pipeline, Estimate Approved / Job Created;</li>
 * <li>the latest Install job's status → its Install stage.</li>
 * </ol>
 * Moves within Sales only go forward; Job Sold and Estimate Lost are left only for a sale or the
 * Install pipeline; an opportunity never returns from Install to Sales; a manual stage stays until a
 * rule moves it forward.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class PipelineRules {

	private static final Set<String> CANCELED = Set.of("canceled", "cancelled");

	private final Duration recentJobWindow;

	/**
	 * The state {@code current} (or a new opportunity when {@code null}) should be in; empty when the
	 * customer has no opportunity and qualifies for none.
	 */
	Optional<Derived> derive(CustomerFacts facts, @Nullable Opportunity current, Instant now) {

		var install = latest(facts.jobs().stream().filter(j -> j.pipeline() == Pipeline.INSTALL).toList());
		var sales = latest(facts.jobs().stream().filter(j -> j.pipeline() == Pipeline.SALES).toList());
		if (current == null && install == null && !hasRecentJob(facts, now)) {
			return Optional.empty();
		}
		var headline = headline(facts.estimates());
		var title = title(facts, headline);
		var value = headline == null ? null : headline.value();
		var estimateId = headline == null ? null : headline.id();
		Derived target;
		if (install != null) {
			target = installTarget(install, title, value, estimateId);
		}
		else if (sales != null) {
			target = salesTarget(facts, sales, title, value, estimateId);
		}
		else {
			// Only possible for an existing opportunity whose jobs lost their mapping: keep its stage.
			target = new Derived(current.stage(), title, value, current.stJobId(), estimateId, "unchanged",
					Trigger.record("customer", facts.customerId()));
		}
		return Optional.of(current == null ? target : protect(current.stage(), target));
	}

	/** Whether a user may move an opportunity from {@code from} to the manual stage {@code to}. */
	static Optional<String> refuseManualMove(Stage from, Stage to) {

		if (!to.manual()) {
			return Optional.of(to + " is entered by the pipeline rules, not by hand");
		}
		if (from.pipeline() != to.pipeline()) {
			return Optional.of("the opportunity is in the " + from.pipeline().displayName() + " pipeline");
		}
		if (from.isProtected()) {
			return Optional.of(from.displayName() + " is protected");
		}
		if (from.position() >= to.position()) {
			return Optional.of("moving from " + from.displayName() + " to " + to.displayName() + " goes backward");
		}
		return Optional.empty();
	}

	/**
	 * Whether a user may move an opportunity opened in Lazi (which no rule moves) from {@code from} to {@code to}:
	 * any other stage of its pipeline, except out of a protected stage (Job Sold is final; Estimate Lost is left
	 * only for Job Sold, as the rules do when a dismissed estimate is sold after all).
	 */
	static Optional<String> refuseMoveOfOwn(Stage from, Stage to) {

		if (from.pipeline() != to.pipeline()) {
			return Optional.of("the opportunity is in the " + from.pipeline().displayName() + " pipeline");
		}
		if (from == to) {
			return Optional.of("the opportunity is already in " + to.displayName());
		}
		if (from.isProtected() && !(from == Stage.ESTIMATE_LOST && to == Stage.JOB_SOLD)) {
			return Optional.of(from.displayName() + " is protected");
		}
		return Optional.empty();
	}

	private static Derived installTarget(Job job, String title, @Nullable BigDecimal value, @Nullable Long estimateId) {

		var stage = installStage(job.status());
		var reason = stage == Stage.JOB_CREATED ? "install-job-created"
				: "install-job-" + job.status().toLowerCase(Locale.ROOT);
		return new Derived(stage, title, value, job.id(), estimateId, reason, Trigger.record("job", job.id()));
	}

	/** Rule 6; {@code Dispatched} counts as scheduled and ServiceTitan's {@code InProgress} as working. */
	static Stage installStage(String jobStatus) {
		return switch (jobStatus.toLowerCase(Locale.ROOT)) {
			case "scheduled", "dispatched" -> Stage.READY_FOR_INSTALL;
			case "working", "inprogress" -> Stage.IN_PROGRESS;
			case "hold" -> Stage.ON_HOLD;
			case "completed" -> Stage.JOB_COMPLETED;
			default -> Stage.JOB_CREATED;
		};
	}

	private static Derived salesTarget(CustomerFacts facts, Job job, String title, @Nullable BigDecimal value,
			@Nullable Long estimateId) {

		var sold = newest(facts.estimates(), Estimate.SOLD, false);
		if (sold != null) {
			return estimateTarget(Stage.JOB_SOLD, "estimate-sold", job, sold, title, value, estimateId);
		}
		var dismissed = newest(facts.estimates(), Estimate.DISMISSED, false);
		if (dismissed != null) {
			return estimateTarget(Stage.ESTIMATE_LOST, "estimate-dismissed", job, dismissed, title, value, estimateId);
		}
		var proposed = newest(facts.estimates(), Estimate.OPEN, true);
		if (proposed != null) {
			return estimateTarget(Stage.PROPOSAL_SENT, "estimate-sent", job, proposed, title, value, estimateId);
		}
		var salesJobs = facts.jobs().stream().filter(j -> j.pipeline() == Pipeline.SALES).map(Job::id)
			.collect(Collectors.toSet());
		var appointment = facts.appointments()
			.stream()
			.filter(a -> salesJobs.contains(a.jobId()) && !CANCELED.contains(a.status().toLowerCase(Locale.ROOT)))
			.max(Comparator.comparingLong(CustomerFacts.Appointment::id));
		if (appointment.isPresent()) {
			return new Derived(Stage.APPOINTMENT_SCHEDULED, title, value, job.id(), estimateId,
					"appointment-scheduled", Trigger.record("appointment", appointment.get().id()));
		}
		return new Derived(Stage.CONTACTED, title, value, job.id(), estimateId, "job-created",
				Trigger.record("job", job.id()));
	}

	private static Derived estimateTarget(Stage stage, String reason, Job job, Estimate estimate, String title,
			@Nullable BigDecimal value, @Nullable Long estimateId) {
		return new Derived(stage, title, value, job.id(), estimateId, reason, Trigger.record("estimate", estimate.id()));
	}

	/** Applies the protection rules to a target computed from the facts alone. */
	static Derived protect(Stage current, Derived target) {

		var to = target.stage();
		if (to == current) {
			return target;
		}
		if (current.pipeline() == Pipeline.INSTALL) {
			var manualStays = current.manual() && to.position() <= current.position();
			return to.pipeline() == Pipeline.SALES || manualStays ? target.withStage(current) : target;
		}
		if (to.pipeline() == Pipeline.INSTALL) {
			return target;
		}
		if (current.isProtected()) {
			return current == Stage.ESTIMATE_LOST && to == Stage.JOB_SOLD ? target : target.withStage(current);
		}
		return to.position() > current.position() ? target : target.withStage(current);
	}

	private boolean hasRecentJob(CustomerFacts facts, Instant now) {

		var since = now.minus(recentJobWindow);
		return facts.jobs()
			.stream()
			.anyMatch(j -> j.pipeline() == Pipeline.SALES && j.createdOn() != null && !j.createdOn().isBefore(since));
	}

	/** The estimate that names the opportunity: sold, else open with a value, else dismissed; newest first. */
	private static @Nullable Estimate headline(List<Estimate> estimates) {

		var sold = newest(estimates, Estimate.SOLD, false);
		if (sold != null) {
			return sold;
		}
		var open = newest(estimates, Estimate.OPEN, true);
		return open != null ? open : newest(estimates, Estimate.DISMISSED, false);
	}

	private static @Nullable Estimate newest(List<Estimate> estimates, int status, boolean withValue) {
		return estimates.stream()
			.filter(e -> e.statusValue() != null && e.statusValue() == status && (!withValue || e.hasValue()))
			.max(Comparator.comparingLong(Estimate::id))
			.orElse(null);
	}

	private static @Nullable Job latest(List<Job> jobs) {
		return jobs.stream()
			.max(Comparator.comparing((Job j) -> j.createdOn() == null ? Instant.MIN : j.createdOn())
				.thenComparingLong(Job::id))
			.orElse(null);
	}

	private static String title(CustomerFacts facts, @Nullable Estimate headline) {

		if (headline != null && headline.hasValue()) {
			var name = headline.name() == null || headline.name().isBlank() ? "Estimate " + headline.id()
					: headline.name().trim();
			return name + " - $" + headline.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
		}
		return facts.customerName() == null ? "ServiceTitan customer " + facts.customerId() : facts.customerName();
	}
}
