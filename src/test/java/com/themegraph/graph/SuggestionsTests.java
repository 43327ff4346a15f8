package com.themegraph.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTests {

	@Test
	void aSwapOfNeighboursIsOneEdit() {
		assertThat(Suggestions.editDistance("300495", "300459")).isEqualTo(1);
		assertThat(Suggestions.editDistance("sroa", "sora")).isEqualTo(1);
	}

	@Test
	void otherwiseInsertionsDeletionsAndSubstitutions() {
		assertThat(Suggestions.editDistance("sora", "sora")).isZero();
		assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
		assertThat(Suggestions.editDistance("", "abc")).isEqualTo(3);
		assertThat(Suggestions.editDistance("300999", "300459")).isEqualTo(2);
	}

	@Test
	void containmentEitherWayCountsAsClose() {
		// Suggestions keep what is within 0.5.
		assertThat(Suggestions.distance("sor", "sora")).isLessThan(0.5);
		assertThat(Suggestions.distance("openai-sora", "sora")).isLessThan(0.5);
		assertThat(Suggestions.distance("diffusion", "sora")).isGreaterThan(0.5);
		assertThat(Suggestions.distance("", "sora")).isEqualTo(1);
	}

}
