package com.themegraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedNeo4jPasswordTests {

	@Test
	void generatedOnceIntoAnOwnerOnlyFilePrintedOnceAndReusedAfter(@TempDir Path data, CapturedOutput output)
			throws Exception {
		var first = EmbeddedNeo4jPassword.resolve(data.resolve("store"), null);
		var file = data.resolve("store").resolve(EmbeddedNeo4jPassword.FILE);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(file).strip()).isEqualTo(first);
		assertThat(first).hasSize(24).matches("[A-Za-z0-9_-]+");
		assertThat(output).contains("Generated a password for the embedded Neo4j").contains(first);

		var second = EmbeddedNeo4jPassword.resolve(data.resolve("store"), "");
		assertThat(second).isEqualTo(first);
		assertThat(output.toString().split(first, -1)).as("printed once").hasSize(2);
	}

	@Test
	void aConfiguredPasswordWinsAndWritesNoFile(@TempDir Path data) {
		assertThat(EmbeddedNeo4jPassword.resolve(data, "correct-horse-battery")).isEqualTo("correct-horse-battery");
		assertThat(data.resolve(EmbeddedNeo4jPassword.FILE)).doesNotExist();
	}

	@Test
	void aConfiguredPasswordShorterThanNeo4jAcceptsStopsTheStart(@TempDir Path data) {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedNeo4jPassword.resolve(data, "short"))
			.withMessageContaining("THEMEGRAPH_NEO4J_PASSWORD is shorter than 8 characters");
	}

}
