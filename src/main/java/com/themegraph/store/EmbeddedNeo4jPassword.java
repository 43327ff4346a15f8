package com.themegraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded store's {@code neo4j} user. Configured
 * ({@code THEMEGRAPH_NEO4J_PASSWORD}) it is used as given; otherwise it is generated on
 * the first start into {@value #FILE} in the data directory, readable by its owner only,
 * printed once, and read from there on every later start (by the service and by
 * {@code bin/themegraph} alike).
 */
final class EmbeddedNeo4jPassword {

	static final String FILE = "neo4j-password";

	/**
	 * Neo4j's own minimum ({@code dbms.security.auth_minimum_password_length}, default
	 * 8).
	 */
	static final int MINIMUM_LENGTH = 8;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jPassword.class);

	private EmbeddedNeo4jPassword() {
	}

	/**
	 * @param dataDirectory the embedded store's data directory (created when missing)
	 * @param configured the configured password, or null/blank to use the generated one
	 * @return the password the {@code neo4j} user must have
	 * @throws IllegalStateException when the configured password is shorter than Neo4j
	 * accepts
	 * @throws UncheckedIOException when the password file cannot be read or written
	 */
	static String resolve(Path dataDirectory, String configured) {
		if (configured != null && !configured.isBlank()) {
			if (configured.length() < MINIMUM_LENGTH) {
				throw new IllegalStateException("THEMEGRAPH_NEO4J_PASSWORD is shorter than " + MINIMUM_LENGTH
						+ " characters, which Neo4j refuses");
			}
			return configured;
		}
		var file = dataDirectory.resolve(FILE);
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(dataDirectory);
			var bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			var generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			// Created with owner-only permissions from the start, so it is never readable
			// by others, not even for a moment; on a file system without POSIX
			// permissions it is created as is.
			try {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(file);
			}
			Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
			log.warn(
					"Generated a password for the embedded Neo4j (user neo4j): {}  (shown once; kept in {}, "
							+ "readable by this user only; set THEMEGRAPH_NEO4J_PASSWORD to choose your own)",
					generated, file.toAbsolutePath());
			return generated;
		}
		catch (FileAlreadyExistsException ex) {
			return resolve(dataDirectory, configured);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the embedded Neo4j password in " + file, ex);
		}
	}

}
