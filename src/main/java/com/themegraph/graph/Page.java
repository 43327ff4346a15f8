package com.themegraph.graph;

import java.util.List;

/**
 * One page of a ranked or ordered list: {@code total} counts every item, not just these.
 * <p>
 * Every paged endpoint takes {@code skip} from 0 to {@link #MAX_SKIP} and {@code limit}
 * from 1 to {@link #MAX_LIMIT} (default {@link #DEFAULT_LIMIT}). The queries compute
 * {@code skip + limit}, which Cypher holds in a 32-bit LIMIT; these bounds keep the sum
 * far from overflowing, and keep a deep page's work (every item before it is ranked and
 * skipped) bounded too.
 */
public record Page<T>(long total, int skip, int limit, List<T> items) {

	/** The deepest page start any list accepts. */
	public static final int MAX_SKIP = 100_000;

	/** The most items one page holds. */
	public static final int MAX_LIMIT = 500;

	/** Items per page when the request names no limit. */
	public static final String DEFAULT_LIMIT = "50";

}
