package com.themegraph.extract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.themegraph.extract.KnownNames.Known;
import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.ReadTransaction;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Turns a report's plain text into a draft report document for a person to review:
 * broker, title, rating, analysts, cited reports, risks, the recommended companies under
 * their group headings, and every known entity the text names, each with its quote. It
 * only reads the graph (for the names it knows); it never loads the draft. Behind
 * {@code POST /api/reports/extract} and the command line's {@code extract FILE.txt}.
 */
@Service
public class ReportExtractor {

	private final CypherQueries cypher;

	private final GraphRows rows;

	ReportExtractor(GraphRows rows, CypherQueries cypher) {
		this.cypher = cypher;
		this.rows = rows;
	}

	/**
	 * The draft for this text; see {@code docs/report-format.md#drafts-from-plain-text}
	 * for its shape. Its work grows linearly with the text (ExtractionCostTests).
	 * @throws IllegalArgumentException when the text is empty or blank
	 */
	@ReadTransaction
	public JsonNode extract(String text) {
		return extract(text, Budget.unlimited());
	}

	/**
	 * The draft for this text, stopped when {@code budget} runs out or is cancelled.
	 * @throws IllegalArgumentException when the text is empty or blank
	 * @throws ExtractionStoppedException when the budget ran out first; nothing is
	 * drafted
	 */
	@ReadTransaction
	public JsonNode extract(String text, Budget budget) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("The text is empty: there is nothing to extract");
		}
		return DraftBuilder.build(text, knownNames(), budget);
	}

	/**
	 * How long kept names are trusted on their fingerprint alone before they are read
	 * again in full (and rebuilt only if the rows differ): the bound on how stale a
	 * change the fingerprint cannot see (a rename to a name of the same length) can be.
	 */
	static final long FULL_READ_NANOS = 5_000_000_000L;

	/**
	 * The names as of the last read, kept while the graph's fingerprint
	 * ({@code extract-known-names-version.cypher}) stays the same: reading and mapping
	 * every name of a directory of 8,000 companies takes about half a second and building
	 * the automaton over them about a second, while an extraction takes tens of
	 * milliseconds.
	 */
	private volatile Cached cached;

	private record Cached(Map<String, Object> version, List<Known> rows, KnownNames names, long readAt) {
	}

	/** This bean through its transaction proxy, once the service is up; null before. */
	private volatile ReportExtractor self;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	/**
	 * Reads the known names and builds their automaton once the service is up, in the
	 * background, so that the first extraction does not pay for it (about a second and a
	 * half for a directory of 9,600 companies on two cores, more under load: enough to
	 * run past the extraction timeout). A failure is only logged: the first extraction
	 * then builds them itself.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp(ApplicationReadyEvent event) {
		self = event.getApplicationContext().getBean(ReportExtractor.class);
		refreshInBackground();
	}

	private void refreshInBackground() {
		var proxy = self;
		if (proxy == null || !refreshing.compareAndSet(false, true)) {
			return;
		}
		Thread.ofVirtual().name("known-names-refresh").start(() -> {
			try {
				proxy.warm();
			}
			catch (RuntimeException ex) {
				LOG.debug("Known names not read ahead of an extraction", ex);
			}
			finally {
				refreshing.set(false);
			}
		});
	}

	/**
	 * Reads every known name in full and keeps them, rebuilding the automaton only if the
	 * rows changed (see {@link #warmUp}).
	 */
	@ReadTransaction
	public void warm() {
		knownNames(true);
	}

	private static final Logger LOG = LoggerFactory.getLogger(ReportExtractor.class);

	KnownNames knownNames() {
		return knownNames(false);
	}

	/**
	 * The known names: the kept ones while the fingerprint is unchanged (when they are
	 * older than {@link #FULL_READ_NANOS}, a full read is started in the background and
	 * the request does not wait for it), else read in full now.
	 */
	private KnownNames knownNames(boolean full) {
		var version = cypher.query("extract-known-names-version").fetch().one().orElse(Map.of());
		var last = cached;
		long now = System.nanoTime();
		if (!full && last != null && last.version().equals(version)) {
			if (now - last.readAt() >= FULL_READ_NANOS) {
				refreshInBackground();
			}
			return last.names();
		}
		List<Known> known = cypher.query("extract-known-names")
			.fetch()
			.all()
			.stream()
			.map(row -> rows.as(row, Known.class))
			.toList();
		if (last != null && last.rows().equals(known)) {
			cached = new Cached(version, known, last.names(), now);
			return last.names();
		}
		var names = new KnownNames(known);
		cached = new Cached(version, known, names, now);
		return names;
	}

}
