package com.themegraph.store;

/**
 * A write refused, or failed, because the disk holding the graph store is (nearly) full.
 * Answered 507 over HTTP; the command line stops with one line and exit code 3.
 */
public class InsufficientStorageException extends RuntimeException {

	private final transient StoreState.DiskSpace space;

	/**
	 * @param detail what a client is told: one line, without paths on the server
	 * @param space the reading that refused the write; null when the disk filled during a
	 * write
	 * @param cause the store's failure, or null for a refusal before writing
	 */
	public InsufficientStorageException(String detail, StoreState.DiskSpace space, Throwable cause) {
		super(detail, cause);
		this.space = space;
	}

	/** The reading that refused the write, or null when the disk filled up during one. */
	public StoreState.DiskSpace space() {
		return space;
	}

}
