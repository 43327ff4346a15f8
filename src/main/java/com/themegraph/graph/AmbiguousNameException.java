package com.themegraph.graph;

import java.util.List;

/**
 * A name several listed companies answer to (a dual listing's, 新华文轩 for 601811.SH and
 * 811.HK; or two issuers') asked for without a market: the answer is neither, and names
 * every candidate so the asker can choose by code. A 400 problem of type
 * {@code ambiguous-name} with {@code candidates}.
 */
public class AmbiguousNameException extends BadRequestException {

	/** One company the name could mean: its canonical code and short name. */
	public record Candidate(String code, String name) {
	}

	private final transient List<Candidate> candidates;

	/**
	 * @param name the name as asked
	 * @param candidates every company it answers to, by code
	 */
	public AmbiguousNameException(String name, List<Candidate> candidates) {
		super("\"" + name + "\" names several listed companies " + candidates.stream().map(Candidate::code).toList()
				+ ": ask by code");
		this.candidates = List.copyOf(candidates);
	}

	public List<Candidate> candidates() {
		return candidates;
	}

}
