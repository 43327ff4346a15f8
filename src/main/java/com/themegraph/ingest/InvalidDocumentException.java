package com.themegraph.ingest;

import java.util.List;
import java.util.stream.Collectors;

import com.themegraph.graph.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A document refused before anything was written: every violation found, with its
 * location. Over HTTP it is its own answer, 400 problem details of type
 * {@code invalid-document} with the {@code violations}; on the command line its message
 * is one line per file.
 */
public class InvalidDocumentException extends ErrorResponseException {

	private final String origin;

	private final List<Violation> violations;

	private final String message;

	/**
	 * @param origin where the document came from ("request body", a file name)
	 * @param violations every fault found, each with its JSON pointer
	 */
	public InvalidDocumentException(String origin, List<Violation> violations) {
		super(HttpStatus.BAD_REQUEST, problem(origin, violations), null);
		this.message = origin + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
		this.origin = origin;
		this.violations = List.copyOf(violations);
	}

	private static ProblemDetail problem(String origin, List<Violation> violations) {
		var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-document", "Invalid report document",
				violations.size() + " problem(s) in " + origin + "; nothing was written");
		problem.setProperty("violations", List.copyOf(violations));
		return problem;
	}

	/** The origin and every violation, on one line. */
	@Override
	public String getMessage() {
		return message;
	}

	public String origin() {
		return origin;
	}

	public List<Violation> violations() {
		return violations;
	}

}
