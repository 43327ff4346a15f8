package com.themegraph.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.themegraph.graph.BadParameterException;
import com.themegraph.graph.BadRequestException;
import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.Problems;
import com.themegraph.store.InsufficientStorageException;
import com.themegraph.store.StoreState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.neo4j.driver.exceptions.Neo4jException;
import com.themegraph.graph.GraphReads;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Spring's own exceptions (unknown paths, bad
 * parameter types, failed constraints) come through the base class; the service's own are
 * mapped here.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final LimitsProperties limits;

	private final StoreState store;

	ApiExceptionHandler(LimitsProperties limits, StoreState store) {
		this.limits = limits;
		this.store = store;
	}

	/**
	 * Spring's own problems (405 with its {@code Allow} header, 406, 415, 404 for no
	 * handler) come with type {@code about:blank}: each gets the service's type for its
	 * status, as every other problem has, so a client can dispatch on {@code type} alone.
	 * Headers Spring set, {@code Allow} among them, are kept.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		var answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		var status = HttpStatus.resolve(statusCode.value());
		if (answer != null && answer.getBody() instanceof ProblemDetail problem && status != null
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(
					Problems
						.of(status, status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
								status.getReasonPhrase(), null)
						.getType());
		}
		return answer;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		var problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
		problem.setProperty("suggestions", ex.suggestions());
		return problem;
	}

	/**
	 * 400; a {@link BadParameterException} (such as {@code since} after {@code until}) as
	 * a bad-parameter problem naming its parameters, like a number out of its range.
	 */
	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		if (ex instanceof BadParameterException parameter) {
			return badParameter(parameter.parameters(), ex.getMessage());
		}
		if (ex instanceof com.themegraph.graph.AmbiguousNameException ambiguous) {
			var problem = problem(HttpStatus.BAD_REQUEST, "ambiguous-name", "Ambiguous name", ex.getMessage());
			problem.setProperty("candidates", ambiguous.candidates());
			return problem;
		}
		return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage());
	}

	/**
	 * A numeric parameter out of its range ({@code skip=2147483600}, {@code limit=0}):
	 * 400 naming each parameter and the range it allows, read from its
	 * {@code @Min}/{@code @Max}.
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var names = new ArrayList<String>();
		var faults = new ArrayList<String>();
		for (var result : ex.getParameterValidationResults()) {
			var parameter = result.getMethodParameter();
			names.add(parameterName(parameter));
			var range = range(parameter);
			faults.add(range.isEmpty()
					? parameterName(parameter) + " "
							+ result.getResolvableErrors()
								.stream()
								.map(MessageSourceResolvable::getDefaultMessage)
								.collect(Collectors.joining(", "))
					: parameterName(parameter) + " must be " + range + "; was " + result.getArgument());
		}
		return ResponseEntity.badRequest().body(badParameter(names, String.join("; ", faults)));
	}

	/**
	 * A parameter that does not convert: {@code skip=abc}, or a number too large for its
	 * type ({@code limit=99999999999999999999}). 400 naming the parameter and what it
	 * takes.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!(ex instanceof MethodArgumentTypeMismatchException mismatch)) {
			return super.handleTypeMismatch(ex, headers, status, request);
		}
		var name = parameterName(mismatch.getParameter());
		var type = mismatch.getRequiredType();
		var range = range(mismatch.getParameter());
		var expected = type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())
				? "a whole number" + (range.isEmpty() ? "" : ", " + range)
				: type == LocalDate.class ? "an ISO date, YYYY-MM-DD (such as 2024-03-01)"
						: "a " + (type == null ? "value" : type.getSimpleName());
		var detail = name + " must be " + expected + "; was \"" + abbreviate(String.valueOf(mismatch.getValue()))
				+ "\"";
		return ResponseEntity.badRequest().body(badParameter(List.of(name), detail));
	}

	/**
	 * Tomcat could not decode the parameters. {@link QueryStringFilter} refuses malformed
	 * query strings before this can happen; this covers the rest (too many parameters, a
	 * form body).
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail undecodableParameters(InvalidParameterException ex) {
		var status = HttpStatus.resolve(ex.getErrorCode());
		return problem(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
				"bad-query-string", "Malformed query string",
				"The request's parameters cannot be decoded as UTF-8 form fields");
	}

	private static ProblemDetail badParameter(List<String> names, String detail) {
		var problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad request parameter", detail);
		problem.setProperty("parameters", names);
		return problem;
	}

	private static String parameterName(MethodParameter parameter) {
		var annotation = parameter.getParameterAnnotation(RequestParam.class);
		if (annotation != null && !annotation.name().isEmpty()) {
			return annotation.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

	/**
	 * "from 1 to 500", "at least 1", or empty when the parameter has no numeric bounds.
	 */
	private static String range(MethodParameter parameter) {
		var min = parameter.getParameterAnnotation(Min.class);
		var max = parameter.getParameterAnnotation(Max.class);
		if (min != null && max != null) {
			return "from " + min.value() + " to " + max.value();
		}
		if (min != null) {
			return "at least " + min.value();
		}
		return max == null ? "" : "at most " + max.value();
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}

	/**
	 * A body still trickling in past its deadline, read by a controller itself (JSON
	 * bodies come through below).
	 */
	@ExceptionHandler(RequestSizeFilter.BodyTimeoutException.class)
	ProblemDetail bodyTimeout(RequestSizeFilter.BodyTimeoutException ex) {
		return problem(HttpStatus.REQUEST_TIMEOUT, "body-timeout", "Request body too slow", ex.getMessage());
	}

	/**
	 * A body that declared no length and turned out over the limit, or too slow, while
	 * being read.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeFilter.TooLargeException tooLarge) {
				var problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
						tooLarge.getMessage());
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
			}
			if (cause instanceof RequestSizeFilter.BodyTimeoutException slow) {
				return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(bodyTimeout(slow));
			}
		}
		var problem = problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request body",
				"The body is not a readable JSON document: " + mostSpecific(ex));
		return ResponseEntity.badRequest().body(problem);
	}

	private static String mostSpecific(Throwable ex) {
		var message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		// Parser messages quote the input; a line is enough to find the fault.
		var firstLine = message.lines().findFirst().orElse(message);
		return firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine;
	}

	/**
	 * The disk is below the minimum: refused before writing, so the store stays healthy.
	 */
	@ExceptionHandler(InsufficientStorageException.class)
	ProblemDetail insufficientStorage(InsufficientStorageException ex) {
		return problem(HttpStatus.INSUFFICIENT_STORAGE, "insufficient-storage", "Insufficient storage",
				ex.getMessage());
	}

	/**
	 * The store is down or unreachable: the request may succeed later, so 503, not 500.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			ServiceUnavailableException.class })
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
	 * The embedded store has stopped (Neo4j's "panic"): it refuses every transaction
	 * until the service restarts, whatever the request. A full disk is the usual reason,
	 * and then a write answers 507 like a refused one, a read 503. Null when the store
	 * runs.
	 */
	private ProblemDetail storeStopped(Exception ex, HttpServletRequest request) {
		boolean write = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
		if (store.ranOutOfSpace(ex)) {
			log.error("The graph store's disk is full: {}", ex.toString());
			return write ? problem(HttpStatus.INSUFFICIENT_STORAGE, "insufficient-storage", "Insufficient storage",
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
			// However Spring wrapped it, a lost connection to the store is the store
			// being away.
			if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
				return storeUnavailable(ex);
			}
			if (cause instanceof Neo4jException neo4j && neo4j.code() != null
					&& neo4j.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
				return readTimedOut(neo4j);
			}
			if (cause instanceof GraphReads.ReadTimedOutException timedOut) {
				return readTimedOut(timedOut);
			}
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The service failed to answer this request; the failure is logged");
	}

	/**
	 * A read that ran past {@code themegraph.limits.read-timeout-seconds} and was stopped
	 * by Neo4j: the service is overloaded or the request too costly, not broken, so 503
	 * and a warning.
	 */
	private ProblemDetail readTimedOut(RuntimeException ex) {
		log.warn("Read stopped after its timeout of {} s: {}", limits.readTimeoutSeconds(), ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "read-timeout", "Query took too long",
				"The graph query ran longer than " + limits.readTimeoutSeconds()
						+ " seconds (themegraph.limits.read-timeout-seconds) and was stopped; try a smaller page or later");
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.of(status, type, title, detail);
	}

}
