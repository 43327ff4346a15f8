package com.themegraph.ingest;

/** One thing wrong with a document: where (a JSON pointer into it) and what. */
public record Violation(String pointer, String message) {

	@Override
	public String toString() {
		return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
	}

}
