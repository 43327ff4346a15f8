package com.themegraph.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StockCodeTests {

	@ParameterizedTest
	@CsvSource({ "300459, 300459.SZ", "300459.SZ, 300459.SZ", "SZ300459, 300459.SZ", "sz300459, 300459.SZ",
			"300459.sz, 300459.SZ", "1357.HK, 1357.HK", "01357.HK, 1357.HK", "HK01357, 1357.HK", "1357, 1357.HK",
			"601595, 601595.SH", "SH601595, 601595.SH", "002292, 002292.SZ", "'３００４５９', 300459.SZ",
			"' 300459.SZ ', 300459.SZ", "830799, 830799.BJ", "920001.BJ, 920001.BJ" })
	void parsesEveryFormAnalystsType(String input, String canonical) {
		assertThat(StockCode.parse(input).canonical()).isEqualTo(canonical);
	}

	/** One row per vendor form the issue names (and their neighbours). */
	@ParameterizedTest
	@CsvSource({
			// JoinQuant / ISO 10383 market identifiers
			"600000.XSHG, 600000.SH", "000001.XSHE, 000001.SZ", "430047.XBSE, 430047.BJ", "920001.BJSE, 920001.BJ",
			"0700.XHKG, 700.HK",
			// baostock
			"sh.600000, 600000.SH", "sz.000001, 000001.SZ",
			// Yahoo
			"600000.SS, 600000.SH", "000001.SZ, 000001.SZ", "0700.HK, 700.HK", "9988.HK, 9988.HK",
			// Bloomberg, with and without Equity
			"700 HK, 700.HK", "700 HK Equity, 700.HK", "000001 CH, 000001.SZ", "600000 CH Equity, 600000.SH",
			"600000 CG, 600000.SH", "000001 CS Equity, 000001.SZ", "IQ US, IQ.US", "MSFT US Equity, MSFT.US",
			"BILI UW, BILI.US", "TME UN Equity, TME.US",
			// Futu
			"HK.00700, 700.HK", "SH.600000, 600000.SH", "SZ.000001, 000001.SZ", "US.BILI, BILI.US",
			// Wind / Tushare
			"600000.SH, 600000.SH", "BILI.O, BILI.US", "TME.N, TME.US", "bili.us, BILI.US",
			// Bare codes by the exchanges' board rules, B shares included
			"900901, 900901.SH", "200002, 200002.SZ", "688981, 688981.SH", "301236, 301236.SZ", "430047, 430047.BJ",
			"873122, 873122.BJ", "920819, 920819.BJ", "00700, 700.HK", "700, 700.HK",
			// Width and spacing as quote feeds print them
			"'７００　ＨＫ', 700.HK", "'  sh.600000 ', 600000.SH" })
	void parsesEveryVendorForm(String input, String canonical) {
		assertThat(StockCode.parse(input).canonical()).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3004599", "30045.SZ", "300459.XX", "SZ30045", "123456789.HK", "0000.HK", "500001",
			"XY300459", "100001", "910001", "700 XX", "123456 HK" })
	void refusesMalformedCodes(String input) {
		assertThat(StockCode.tryParse(input)).isEmpty();
		assertThat(StockCode.looksLikeCode(input)).as("%s is code-shaped, so it earns a 400, not a name lookup", input)
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "汤姆猫", "Meitu", "Kunlun Tech", "国脉文化", "Meitu, Inc.", "*ST华录", "五 粮 液", "Stable Video" })
	void namesAreNotCodes(String input) {
		assertThat(StockCode.tryParse(input)).isEmpty();
		assertThat(StockCode.looksLikeCode(input)).isFalse();
	}

	@Test
	void theRefusalListsTheAcceptedForms() {
		assertThatIllegalArgumentException().isThrownBy(() -> StockCode.parse("600000.XX"))
			.withMessageContaining("\"600000.XX\" is not a stock code")
			.withMessageContaining("600000.XSHG")
			.withMessageContaining("700 HK")
			.withMessageContaining("BILI.O");
	}

	@Test
	void givesEachListingsVendorForms() {
		assertThat(StockCode.parse("600000").forms()).isEqualTo(new StockCode.Forms("600000.SH", "600000.SS",
				"600000.SH", "sh.600000", "600000 CH Equity", "SH.600000", "600000.XSHG"));
		assertThat(StockCode.parse("000001.SZ").forms()).isEqualTo(new StockCode.Forms("000001.SZ", "000001.SZ",
				"000001.SZ", "sz.000001", "000001 CH Equity", "SZ.000001", "000001.XSHE"));
		assertThat(StockCode.parse("700 HK").forms())
			.isEqualTo(new StockCode.Forms("0700.HK", "0700.HK", "00700.HK", null, "700 HK Equity", "HK.00700", null));
		assertThat(StockCode.parse("920819").forms())
			.isEqualTo(new StockCode.Forms("920819.BJ", null, "920819.BJ", null, null, null, null));
		assertThat(StockCode.parse("BILI.O").forms())
			.isEqualTo(new StockCode.Forms(null, "BILI", null, null, "BILI US Equity", "US.BILI", null));
	}

	@Test
	void everyVendorFormParsesBackToTheSameListing() {
		for (var input : new String[] { "600000.SH", "000001.SZ", "920819.BJ", "700.HK", "9988.HK", "BILI.US" }) {
			var code = StockCode.parse(input);
			var forms = code.forms();
			for (var form : new String[] { forms.wind(), forms.yahoo(), forms.tushare(), forms.baostock(),
					forms.bloomberg(), forms.futu(), forms.joinquant() }) {
				// Yahoo prints a US listing as the bare ticker, which is read as a name.
				boolean bareTicker = code.exchange() == StockCode.Exchange.US && form == forms.yahoo();
				if (form != null && !bareTicker) {
					assertThat(StockCode.parse(form)).as(form).isEqualTo(code);
				}
			}
		}
	}

}
