package io.lazi.stingest.pricebook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StCategory;
import io.lazi.stingest.pricebook.persistence.NodeState;

/**
 * One listed root and the images of its subcategories as far as they are known. The bulk list gives
 * nested subcategories {@code image: null}; an unchanged one (same {@code modifiedOn} as in the snapshot)
 * keeps the image it was last published with, a new or modified one waits for its by-id fetch. Until the
 * fetch answers, a waiting node is published with the image it was last published with (none for a new
 * node) and stored in the snapshot without {@code modifiedOn}, so a run that ends before the fetch leaves
 * it to the next run. Not thread-safe: the pull's thread owns it.
 */
final class RootImages {

	private final StCategory listed;

	private final Map<Long, Resolved> images = new HashMap<>();

	private final List<Long> toFetch = new ArrayList<>();

	private int waiting;

	private boolean changedSincePublished;

	private long publishedNanos;

	private RootImages(StCategory listed) {
		this.listed = listed;
	}

	/** The root {@code listed} with the images {@code snapshot} (by ServiceTitan id) still vouches for. */
	static RootImages plan(StCategory listed, Map<Long, NodeState> snapshot) {

		var root = new RootImages(listed);
		listed.children().forEach(child -> root.resolve(child, snapshot));
		root.waiting = root.toFetch.size();
		return root;
	}

	private void resolve(StCategory node, Map<Long, NodeState> snapshot) {

		if (node.image() == null) {
			var seen = snapshot.get(node.id());
			var modifiedOn = micros(node.modifiedOn());
			if (seen != null && modifiedOn != null && modifiedOn.equals(seen.modifiedOn())) {
				images.put(node.id(), new Resolved(seen.image(), State.KNOWN));
			}
			else {
				images.put(node.id(), new Resolved(seen == null ? null : seen.image(), State.WAITING));
				toFetch.add(node.id());
			}
		}
		node.children().forEach(child -> resolve(child, snapshot));
	}

	/** The root's ServiceTitan id. */
	long id() {
		return listed.id();
	}

	/** The root as listed, images not filled: what the cursor advances over. */
	StCategory listed() {
		return listed;
	}

	/** The subcategories to fetch by id, in tree order (upper levels of a branch first). */
	List<Long> toFetch() {
		return List.copyOf(toFetch);
	}

	/** How many of {@link #toFetch()} have not answered yet. */
	int waiting() {
		return waiting;
	}

	/** Subcategories in the tree. */
	int subcategoryCount() {
		return count(listed) - 1;
	}

	/** The tree as known now: every image filled that is known, waiting ones with their last published image. */
	StCategory tree() {
		return apply(listed);
	}

	/** The snapshot of the tree as known now (waiting and vanished nodes without {@code modifiedOn}). */
	List<NodeState> nodes() {

		var nodes = new ArrayList<NodeState>();
		collect(listed, nodes);
		return nodes;
	}

	/**
	 * Records the by-id answer for subcategory {@code id}: its image, or, when ServiceTitan no longer has it,
	 * none (and no {@code modifiedOn}, so the next run asks again).
	 */
	void fetched(long id, Optional<StCategory> answer) {

		var before = images.get(id);
		if (before == null || before.state() != State.WAITING) {
			throw new IllegalArgumentException("Subcategory " + id + " of root " + listed.id() + " was not waiting for its image");
		}
		var image = answer.map(StCategory::image).orElse(null);
		images.put(id, new Resolved(image, answer.isPresent() ? State.KNOWN : State.VANISHED));
		waiting--;
		changedSincePublished |= !Objects.equals(before.image(), image);
	}

	/** Whether an image changed since the tree was last published. */
	boolean changedSincePublished() {
		return changedSincePublished;
	}

	/** How long ago the tree was last published (or stored). */
	Duration sincePublished() {
		return Duration.ofNanos(System.nanoTime() - publishedNanos);
	}

	/** The tree as it is now has been published (or stored). */
	void published() {
		changedSincePublished = false;
		publishedNanos = System.nanoTime();
	}

	private StCategory apply(StCategory node) {

		var resolved = images.get(node.id());
		var withImage = resolved == null ? node : node.withImage(resolved.image());
		return withImage.withSubcategories(node.children().stream().map(this::apply).toList());
	}

	private void collect(StCategory node, List<NodeState> into) {

		var resolved = images.get(node.id());
		var settled = resolved == null || resolved.state() == State.KNOWN;
		into.add(new NodeState(node.id(), listed.id(), settled ? micros(node.modifiedOn()) : null,
				resolved == null ? node.image() : resolved.image()));
		node.children().forEach(child -> collect(child, into));
	}

	private static int count(StCategory node) {
		return 1 + node.children().stream().mapToInt(RootImages::count).sum();
	}

	private static @Nullable Instant micros(@Nullable Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** Where a subcategory's image stands. */
	private enum State {
		/** From the snapshot or the by-id answer. */
		KNOWN,
		/** Its by-id fetch has not answered; the image is the last one published. */
		WAITING,
		/** ServiceTitan answered 404 between list and fetch. */
		VANISHED
	}

	private record Resolved(@Nullable String image, State state) {
	}
}
