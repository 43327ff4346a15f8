package com.themegraph.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The corpus sizes {@code --steps} asks the benchmark to time the queries at. */
class BenchmarkOptionsTests {

	@Test
	void theDefaultStepsAreTwoFiveAndTwentyThousandReportsAtTheDefaultCorpus() {
		assertThat(Benchmark.Options.parse().steps()).containsExactly(2_000, 5_000, 20_000);
	}

	@Test
	void fractionsScaleWithTheCorpus() {
		assertThat(Benchmark.Options.parse("--reports=600").steps()).containsExactly(60, 150, 600);
	}

	@Test
	void percentagesAndCountsMix() {
		assertThat(Benchmark.Options.parse("--reports=20", "--steps=10%,7,12.5%").steps()).containsExactly(2, 3, 7, 20);
	}

	@Test
	void countsAreReportsAndTheFullCorpusIsAlwaysTheLastStep() {
		assertThat(Benchmark.Options.parse("--reports=600", "--steps=100,300").steps()).containsExactly(100, 300, 600);
		assertThat(Benchmark.Options.parse("--reports=600", "--steps=100%").steps()).containsExactly(600);
	}

	@Test
	void aStepBeyondTheCorpusIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--reports=600", "--steps=700"))
			.withMessage("--steps: 700 is 700 reports; each step is between 1 and --reports=600");
	}

	@Test
	void thePageCacheHoldsTheDefaultCorpusAndTakesNeo4jSizes() {
		assertThat(Benchmark.Options.parse().pageCache()).isEqualTo("4g");
		assertThat(Benchmark.Options.parse("--page-cache=512m").pageCache()).isEqualTo("512m");
		assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--page-cache=lots"))
			.withMessage("--page-cache: lots is not a size such as 512m or 4g");
	}

}
