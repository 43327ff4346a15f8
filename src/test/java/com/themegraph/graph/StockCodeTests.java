package com.themegraph.graph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StockCodeTests {

	@ParameterizedTest
	@CsvSource({ "300459, 300459.SZ", "300459.SZ, 300459.SZ", "SZ300459, 300459.SZ", "sz300459, 300459.SZ",
			"300459.sz, 300459.SZ", "1357.HK, 1357.HK", "01357.HK, 1357.HK", "HK01357, 1357.HK", "1357, 1357.HK",
			"601595, 601595.SH", "SH601595, 601595.SH", "002292, 002292.SZ", "'３００４５９', 300459.SZ",
			"' 300459.SZ ', 300459.SZ", "830799, 830799.BJ", "920001.BJ, 920001.BJ" })
	void parsesEveryFormAnalystsType(String input, String canonical) {
		assertThat(StockCode.parse(input).canonical()).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3004599", "30045.SZ", "300459.XX", "SZ30045", "123456789.HK", "0000.HK", "500001",
			"XY300459" })
	void refusesMalformedCodes(String input) {
		assertThat(StockCode.tryParse(input)).isEmpty();
		assertThat(StockCode.looksLikeCode(input)).as("%s is code-shaped, so it earns a 400, not a name lookup", input)
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "汤姆猫", "Meitu", "Kunlun Tech", "国脉文化", "Meitu, Inc." })
	void namesAreNotCodes(String input) {
		assertThat(StockCode.tryParse(input)).isEmpty();
		assertThat(StockCode.looksLikeCode(input)).isFalse();
	}

}
