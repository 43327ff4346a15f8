package com.themegraph.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page of a ranked or ordered list, the one list shape of the whole API:
 * {@code {"items": [...], "total": N, "skip": S, "limit": L}}, where {@code total} counts
 * every item, not just these.
 * <p>
 * Every paged endpoint takes {@code skip} from 0 to {@link #MAX_SKIP} and {@code limit}
 * from 1 to {@link #MAX_LIMIT} (default {@link #DEFAULT_LIMIT}). The queries compute
 * {@code skip + limit}, which Cypher holds in a 32-bit LIMIT; these bounds keep the sum
 * far from overflowing, and keep a deep page's work (every item before it is ranked and
 * skipped) bounded too.
 */
@JsonPropertyOrder({ "items", "total", "skip", "limit" })
public record Page<T>(long total, int skip, int limit, List<T> items) {

	/** The deepest page start any list accepts. */
	public static final int MAX_SKIP = 100_000;

	/** The most items one page holds. */
	public static final int MAX_LIMIT = 500;

	/** Items per page when the request names no limit. */
	public static final String DEFAULT_LIMIT = "50";

	/**
	 * The orders a ranked list of evidence takes ({@code sort}): {@code rank}, the list's
	 * own ranking (the default), or {@code newest}, the item with the most recently
	 * published report first, ties in ranking order.
	 */
	public static final String SORTS = "rank|newest";

	/** What {@code sort} means, as the OpenAPI document says it. */
	public static final String SORT_DESCRIPTION = "rank (the list's own ranking, the default) or newest "
			+ "(the item with the most recently published report first)";

}
