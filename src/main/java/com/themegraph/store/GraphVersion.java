package com.themegraph.store;

/**
 * How far the graph has been written: a number that changes when, and only when, a write
 * transaction commits, whoever made it (this service, the command line, or a client on
 * Bolt). HTTP caching derives its entity tags from it, so an answer is revalidated as
 * unchanged until the next write. Exists only where such a number can be read exactly:
 * the embedded store.
 */
public interface GraphVersion {

	/**
	 * @return the id of the newest write transaction whose changes every read started now
	 * sees; greater after every write, never smaller while the store runs
	 */
	long current();

}
