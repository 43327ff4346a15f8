package com.themegraph.graph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTests {

	@ParameterizedTest
	@CsvSource({ "'五 粮 液', 五粮液", "'五　粮　液', 五粮液", "'  Stable   Video ', stable video", "ＳＯＲＡ, sora",
			"'美图 Meitu', 美图 meitu", "'Kunlun 万维', kunlun 万维", "'*ST 华录', *st 华录" })
	void foldsWidthCaseAndSpacesInsideCjkNames(String input, String folded) {
		assertThat(TextFolding.fold(input)).isEqualTo(folded);
	}

	@ParameterizedTest
	@CsvSource({ "*ST华录, 华录", "'*ST 华录', 华录", "ST华录, 华录", "ＳＴ华录, 华录", "S*ST前锋, 前锋", "N华康, 华康", "C中芯, 中芯", "快手-W, 快手",
			"小米集团-W, 小米集团", "百度集团-SW, 百度集团", "'Tencent Music-SW', tencent music", "信达生物-B, 信达生物", "中国中免-S, 中国中免",
			"XD长电, 长电", "'五 粮 液', 五粮液",
			// Names that only look tagged keep their letters.
			"STAR Market, star market", "CCTV, cctv", "Nvidia, nvidia", "ST, st", "*ST, *st" })
	void companyKeysDropMarketTags(String name, String key) {
		assertThat(TextFolding.companyKey(name)).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource({ "*ST华录, *st华录, 华录", "快手-W, 快手-w, 快手" })
	void companyKeysKeepThePrintedFormToo(String name, String printed, String untagged) {
		assertThat(TextFolding.companyKeys(name)).containsExactly(printed, untagged);
	}

}
