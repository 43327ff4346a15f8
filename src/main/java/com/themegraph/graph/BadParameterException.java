package com.themegraph.graph;

import java.util.List;

/**
 * A request parameter the service cannot accept as given (a date range that ends before
 * it starts): answered as a 400 problem that names the parameters in {@code parameters},
 * like a parameter out of its numeric range.
 */
public class BadParameterException extends BadRequestException {

	private final List<String> parameters;

	/**
	 * @param parameters the request parameters at fault, as the client spells them
	 * @param detail what is wrong and what is allowed, in words
	 */
	public BadParameterException(List<String> parameters, String detail) {
		super(detail);
		this.parameters = List.copyOf(parameters);
	}

	public List<String> parameters() {
		return parameters;
	}

}
