package com.themegraph.system;

import java.util.List;

/** One page of a ranked or ordered list: {@code total} counts every item, not just these. */
public record Page<T>(long total, int skip, int limit, List<T> items) {
}
