package com.themegraph.ingest;

/** What loading one document did. */
public record LoadResult(String id, Outcome outcome, int nodes, int relationships) {

	public enum Outcome {

		/** Not in the graph before: written. */
		NEW,
		/** Already loaded with the same content: nothing written. */
		UNCHANGED,
		/** Loaded before with other content: its own edges replaced. */
		UPDATED,
		/**
		 * An entity file: its entities and facts merged in (there is nothing to replace).
		 */
		MERGED

	}

}
