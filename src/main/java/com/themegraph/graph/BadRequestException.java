package com.themegraph.graph;

/** A request the service understood but cannot accept as written. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String detail) {
		super(detail);
	}

}
