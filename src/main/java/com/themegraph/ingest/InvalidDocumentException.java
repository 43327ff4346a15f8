package com.themegraph.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** A document refused before anything was written: every violation found, with its location. */
public class InvalidDocumentException extends RuntimeException {

	private final String origin;

	private final List<Violation> violations;

	public InvalidDocumentException(String origin, List<Violation> violations) {
		super(origin + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
		this.origin = origin;
		this.violations = List.copyOf(violations);
	}

	public String origin() {
		return origin;
	}

	public List<Violation> violations() {
		return violations;
	}

}
