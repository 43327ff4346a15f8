package com.themegraph.graph;

import java.util.List;

/** An id, code or name the graph does not have, with the nearest ones it does have. */
public class NotFoundException extends RuntimeException {

	private final List<Suggestions.Suggestion> suggestions;

	public NotFoundException(String detail, List<Suggestions.Suggestion> suggestions) {
		super(detail);
		this.suggestions = List.copyOf(suggestions);
	}

	public List<Suggestions.Suggestion> suggestions() {
		return suggestions;
	}

}
