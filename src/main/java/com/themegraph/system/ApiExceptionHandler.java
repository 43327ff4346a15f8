package com.themegraph.system;

import java.net.URI;

import com.themegraph.ingest.InvalidDocumentException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Spring's own exceptions (unknown paths, bad parameter
 * types, failed constraints) come through the base class; the service's own are mapped here.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final String TYPES = "https://themegraph.example/problems/";

	private final StoreState store;

	ApiExceptionHandler(StoreState store) {
		this.store = store;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		var problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
		problem.setProperty("suggestions", ex.suggestions());
		return problem;
	}

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage());
	}

	@ExceptionHandler(InvalidDocumentException.class)
	ProblemDetail invalidDocument(InvalidDocumentException ex) {
		var problem = problem(HttpStatus.BAD_REQUEST, "invalid-document", "Invalid report document",
				ex.violations().size() + " problem(s) in " + ex.origin() + "; nothing was written");
		problem.setProperty("violations", ex.violations());
		return problem;
	}

	/** A body that declared no length and turned out over the limit while being read. */
	@Override
	protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
			org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeFilter.TooLargeException tooLarge) {
				var problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", tooLarge.getMessage());
				return org.springframework.http.ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
			}
		}
		var problem = problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request body",
				"The body is not a readable JSON document: " + mostSpecific(ex));
		return org.springframework.http.ResponseEntity.badRequest().body(problem);
	}

	private static String mostSpecific(Throwable ex) {
		var cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		var message = String.valueOf(cause.getMessage());
		// Parser messages quote the input; a line is enough to find the fault.
		var firstLine = message.lines().findFirst().orElse(message);
		return firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine;
	}

	/** The disk is below the minimum: refused before writing, so the store stays healthy. */
	@ExceptionHandler(InsufficientStorageException.class)
	ProblemDetail insufficientStorage(InsufficientStorageException ex) {
		return problem(HttpStatus.INSUFFICIENT_STORAGE, "insufficient-storage", "Insufficient storage", ex.getMessage());
	}

	/** The store is down or unreachable: the request may succeed later, so 503, not 500. */
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			org.neo4j.driver.exceptions.ServiceUnavailableException.class })
	ProblemDetail storeUnavailable(Exception ex, HttpServletRequest request) {
		var stopped = storeStopped(ex, request);
		if (stopped != null) {
			return stopped;
		}
		return storeUnavailable(ex);
	}

	private ProblemDetail storeUnavailable(Exception ex) {
		log.warn("Neo4j unavailable: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Graph store unavailable",
				"The graph store cannot be reached; try again shortly");
	}

	/**
	 * The embedded store has stopped (Neo4j's "panic"): it refuses every transaction until the
	 * service restarts, whatever the request. A full disk is the usual reason, and then a write
	 * answers 507 like a refused one, a read 503. Null when the store runs.
	 */
	private ProblemDetail storeStopped(Exception ex, HttpServletRequest request) {
		boolean write = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
		if (store.ranOutOfSpace(ex)) {
			log.error("The graph store's disk is full: {}", ex.toString());
			return write
					? problem(HttpStatus.INSUFFICIENT_STORAGE, "insufficient-storage", "Insufficient storage",
							"The disk holding the graph store filled up and the store has stopped: this request wrote "
									+ "nothing. Every report acknowledged before is kept; free space and restart the service.")
					: problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Graph store unavailable",
							"The graph store stopped when its disk filled up; it answers again once space is freed "
									+ "and the service restarted");
		}
		if (store.panic().isPresent()) {
			log.error("The graph store has stopped and needs a restart: {}", ex.toString());
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Graph store unavailable",
					"The graph store stopped after a critical error; it answers again once the service is restarted");
		}
		return null;
	}

	/** Anything unforeseen: logged in full here, never shown to the client. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
		var stopped = storeStopped(ex, request);
		if (stopped != null) {
			return stopped;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// However Spring wrapped it, a lost connection to the store is the store being away.
			if (cause instanceof org.neo4j.driver.exceptions.ServiceUnavailableException
					|| cause instanceof org.neo4j.driver.exceptions.SessionExpiredException) {
				return storeUnavailable(ex);
			}
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The service failed to answer this request; the failure is logged");
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

}
