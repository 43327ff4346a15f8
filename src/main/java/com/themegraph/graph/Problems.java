package com.themegraph.graph;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as the service writes them: a {@code type} under the service's
 * own problem namespace, a short title, and a detail a person can act on. Shared by the
 * web layer and by the engines' exceptions that carry their own problem (they are Spring
 * {@code ErrorResponse}s).
 */
public final class Problems {

	/** Where every problem {@code type} of this service lives. */
	public static final String TYPES = "https://themegraph.example/problems/";

	private Problems() {
	}

	/**
	 * @param status the HTTP status
	 * @param type the last segment of the type URI, e.g. {@code not-found}
	 * @param title the same for every problem of this type
	 * @param detail this occurrence, in words
	 */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

}
