package com.themegraph.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.themegraph.store.InsufficientStorageException;
import com.themegraph.store.StoreState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * What HTTP and the command line call to write. Concurrent loads of overlapping reports
 * can deadlock, race to MERGE the same new node (the loser sees a uniqueness violation),
 * or find a node that another writer removes before they lock it: all are safe to run
 * again from the start, as each attempt is one whole transaction and checks the graph
 * afresh.
 */
@Service
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final DocumentLoader loader;

	// Twenty, not eight: since reports may write to shared entities (their own aliases,
	// definedBy), writers deadlock on dense nodes more often, and CI saw eight retries
	// (about 3 s) run out under eight parallel writers on two loaded cores.
	private final RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
		.maxRetries(20)
		.delay(Duration.ofMillis(20))
		.multiplier(2)
		.jitter(Duration.ofMillis(20))
		.maxDelay(Duration.ofSeconds(1))
		.predicate(IngestService::isWorthRetrying)
		.build());

	private final StoreState store;

	private final MeterRegistry meters;

	IngestService(DocumentLoader loader, StoreState store, MeterRegistry meters) {
		this.loader = loader;
		this.store = store;
		this.meters = meters;
	}

	/**
	 * Loads one report document or entity file in one transaction (retried when it lost a
	 * race). Each call logs one line and counts one load or refusal ({@value #LOADED},
	 * {@value #REFUSED}).
	 * @param document the parsed document
	 * @param origin where it came from, for messages
	 * @return what happened to it: new, unchanged, updated or merged, with the nodes and
	 * relationships written
	 * @throws InvalidDocumentException when the document is refused; nothing is written
	 * @throws InsufficientStorageException when the store's disk is below its minimum
	 * free space; nothing is written
	 */
	public LoadResult load(JsonNode document, String origin) {
		var id = document.path("id").asString("");
		LoadResult result;
		try {
			store.requireRoomToWrite();
			result = retries.invoke(() -> loader.load(document, origin));
		}
		catch (InvalidDocumentException ex) {
			written("load", id, "REFUSED", origin, ex.violations().size() + " violations");
			count(REFUSED, "reason", "invalid");
			throw ex;
		}
		catch (InsufficientStorageException ex) {
			written("load", id, "REFUSED", origin, "disk below its minimum free space");
			count(REFUSED, "reason", "insufficient-storage");
			throw ex;
		}
		written("load", result.id(), result.outcome().name(), origin,
				result.nodes() + " nodes, " + result.relationships() + " relationships");
		count(LOADED, "outcome", result.outcome().name().toLowerCase(Locale.ROOT));
		return result;
	}

	/**
	 * Removes a report, its edges and the nodes only it defined, in one transaction; logs
	 * one line, and counts the removal ({@value #DELETED}).
	 * @return false when there is no such report
	 * @throws InsufficientStorageException when the store's disk is below its minimum
	 * free space (a delete writes to the transaction log too, and Neo4j's files do not
	 * shrink)
	 */
	public boolean delete(String reportId) {
		store.requireRoomToWrite();
		boolean deleted = retries.invoke(() -> loader.delete(reportId));
		written("delete", reportId, deleted ? "DELETED" : "NOT_FOUND", "-", "");
		if (deleted) {
			count(DELETED);
		}
		return deleted;
	}

	/**
	 * Counter of documents loaded, tagged {@code outcome} (new, unchanged, updated,
	 * merged).
	 */
	static final String LOADED = "themegraph.reports.loaded";

	/**
	 * Counter of documents refused, tagged {@code reason} (invalid,
	 * insufficient-storage).
	 */
	static final String REFUSED = "themegraph.reports.refused";

	/** Counter of reports deleted. */
	static final String DELETED = "themegraph.reports.deleted";

	/**
	 * The MDC entry naming who asked for the write (the API key's name, never the key),
	 * put there by the web layer (com.themegraph.web.RequestLogging, which cannot import
	 * this package); absent for the command line.
	 */
	static final String WRITER_MDC = "writer";

	private void count(String name, String... tags) {
		Counter.builder(name).description(switch (name) {
			case LOADED -> "Report documents and entity files loaded through the API, by outcome";
			case REFUSED -> "Documents refused through the API (nothing written), by reason";
			default -> "Reports deleted through the API";
		}).tags(tags).register(this.meters).increment();
	}

	/**
	 * One line per write, with the report, the outcome and who asked, as text and as
	 * key-value pairs (which structured log formats, {@code logging.structured.format.*},
	 * turn into fields).
	 */
	private static void written(String action, String rawId, String outcome, String origin, String what) {
		var by = Objects.requireNonNullElse(MDC.get(WRITER_MDC), "-");
		// A refused document's id is the client's text, unchecked: no line breaks or
		// other control characters into the log, and no more than a line of it.
		var id = rawId.codePoints()
			.limit(120)
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		log.atInfo()
			.setMessage("report write: action={} report={} outcome={} by={} from={} {}")
			.addArgument(action)
			.addArgument(id)
			.addArgument(outcome)
			.addArgument(by)
			.addArgument(origin)
			.addArgument(what)
			.addKeyValue("report", id)
			.addKeyValue("outcome", outcome)
			.addKeyValue("by", by)
			.log();
	}

	/**
	 * Neo4j's codes for a write that lost a race; a document's own faults are refused
	 * before writing.
	 */
	static final Set<String> LOST_RACE_CODES = Set.of("Neo.ClientError.Schema.ConstraintValidationFailed",
			"Neo.ClientError.Statement.EntityNotFound");

	/**
	 * The prefix of Neo4j's codes for failures that running the transaction again may not
	 * meet (deadlocks, among them); see Neo4j's status codes.
	 */
	static final String TRANSIENT_CODES = "Neo.TransientError.";

	static boolean isWorthRetrying(Throwable failure) {
		if (failure instanceof TransientDataAccessException || failure instanceof ConcurrentWriteException) {
			return true;
		}
		// A deadlock found at commit (Neo4j takes the locks on a dense node's degrees
		// then) reaches us as Spring's TransactionSystemException, not as a transient
		// data access exception: its cause still says Neo.TransientError.
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException neo4j && (LOST_RACE_CODES.contains(neo4j.code())
					|| String.valueOf(neo4j.code()).startsWith(TRANSIENT_CODES))) {
				return true;
			}
		}
		return false;
	}

}
