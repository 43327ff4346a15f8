package com.themegraph;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house plan as a rule: each package of {@code com.themegraph} is a module whose
 * {@code package-info.java} says what it may import; arrows run down only (kernel at the
 * bottom, store and web above it, engines, then one package per resource), and no cycle
 * anywhere. Spring Modulith reads the compiled classes; the benchmark's source set is not
 * among them.
 */
class ModuleRulesTests {

	static final ApplicationModules MODULES = ApplicationModules.of(ThemeGraphApplication.class);

	@Test
	void everyArrowIsAllowedAndNoneRunsInACycle() {
		MODULES.verify();
	}

	@Test
	void theModulesAreThePlannedOnes() {
		assertThat(MODULES.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder("graph",
				"store", "web", "ingest", "extract", "report", "theme", "stock", "technology", "search", "browser",
				"cli", "ui");
	}

}
