package com.themegraph.graph;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code since} / {@code until} filter of the dated lists (theme stocks, technology
 * stocks, a stock's exposure, the report list): a report counts when its publication
 * range ({@code publishedEarliest} to {@code publishedLatest}, both ISO dates, as the
 * report documents give them) overlaps {@code [since, until]}, both days included. Either
 * end may be open (null). The queries compare ISO date strings, which order as the dates
 * do.
 */
public record PublishedWindow(LocalDate since, LocalDate until) {

	/** What {@code since} means, as the OpenAPI document says it. */
	public static final String SINCE = "only reports published on or after this day (ISO date, inclusive): "
			+ "a report counts when its publication range overlaps [since, until]";

	/** What {@code until} means, as the OpenAPI document says it. */
	public static final String UNTIL = "only reports published on or before this day (ISO date, inclusive)";

	/**
	 * @throws BadParameterException naming {@code since} and {@code until} when the
	 * window ends before it starts
	 */
	public PublishedWindow {
		if (since != null && until != null && since.isAfter(until)) {
			throw new BadParameterException(List.of("since", "until"),
					"since must be on or before until; was since=" + since + ", until=" + until);
		}
	}

	/** True when neither end is set: every report counts. */
	public boolean isOpen() {
		return since == null && until == null;
	}

	/**
	 * The query parameters {@code since} and {@code until}: ISO dates, or null for an
	 * open end (a mutable map, since {@code Map.of} holds no nulls).
	 */
	public Map<String, Object> parameters() {
		var parameters = new HashMap<String, Object>();
		parameters.put("since", since == null ? null : since.toString());
		parameters.put("until", until == null ? null : until.toString());
		return parameters;
	}

}
