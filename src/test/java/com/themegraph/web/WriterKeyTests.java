package com.themegraph.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's key matches only itself: nothing trimmed, nothing normalised, no prefix.
 */
class WriterKeyTests {

	static final String KEY = "vX9-correct-horse";

	@Test
	void onlyTheExactKeyMatches() {
		assertThat(SecurityConfiguration.isTheKey(KEY, KEY)).isTrue();
		for (var near : new String[] { KEY + " ", " " + KEY, KEY + "\t", KEY + "\n", KEY + "\u00a0", KEY + "\u3000",
				KEY.toUpperCase(), KEY.substring(1), KEY + "x", "ｖX9-correct-horse", "" }) {
			assertThat(SecurityConfiguration.isTheKey(near, KEY)).as("\"%s\"", near).isFalse();
		}
	}

	@Test
	void noKeyConfiguredMatchesNothing() {
		assertThat(SecurityConfiguration.isTheKey("", "")).isFalse();
		assertThat(SecurityConfiguration.isTheKey(" ", " ")).isFalse();
		assertThat(SecurityConfiguration.isTheKey("anything", null)).isFalse();
	}

}
