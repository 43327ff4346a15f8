package com.themegraph.extract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTests {

	@Test
	void foldsWidthCaseAndSpaceAndMapsEveryCharBackToTheOriginal() {
		var text = FoldedText.of("汤姆\n猫 ＡＩ（维持）");
		assertThat(text.folded()).isEqualTo("汤姆猫ai(维持)");
		int cat = text.folded().indexOf("汤姆猫");
		assertThat(text.originalOf(cat, cat + 3)).isEqualTo("汤姆\n猫");
		int ai = text.folded().indexOf("ai");
		assertThat(text.originalOf(ai, ai + 2)).isEqualTo("ＡＩ");
		assertThat(text.gapBefore(2)).isEqualTo(FoldedText.Gap.LINE);
		assertThat(text.gapBefore(ai)).isEqualTo(FoldedText.Gap.SPACE);
	}

	@Test
	void dashAndDotVariantsAndInvisibleCharsFoldTogether() {
		assertThat(FoldedText.key("DALL・E 3")).isEqualTo(FoldedText.key("DALL·E 3")).isEqualTo("dall·e3");
		assertThat(FoldedText.key("Gen\u20112")).isEqualTo("gen-2");
		assertThat(FoldedText.key("So\u200Bra")).isEqualTo("sora");
		assertThat(FoldedText.key("\u3000Ｓｏｒａ\t")).isEqualTo("sora");
	}

	@Test
	void aCharThatFoldsIntoSeveralMapsThemAllBackToItself() {
		var text = FoldedText.of("㍿ ﷺ汤姆猫");
		assertThat(text.folded()).startsWith("株式会社").endsWith("汤姆猫");
		int cat = text.folded().indexOf("汤姆猫");
		assertThat(text.originalOf(cat, cat + 3)).isEqualTo("汤姆猫");
		assertThat(text.originalOf(0, 4)).isEqualTo("㍿");
	}

	@Test
	void aZeroWidthSpaceInsideAWordIsNotAWordBoundary() {
		var text = FoldedText.of("Chat\u200BGPT");
		assertThat(text.folded()).isEqualTo("chatgpt");
		assertThat(text.gapBefore(4)).isEqualTo(FoldedText.Gap.NONE);
	}

	@Test
	void aBlankLineIsAParagraphGap() {
		var text = FoldedText.of("研究助理\n\n王梅卿");
		assertThat(text.gapBefore(4)).isEqualTo(FoldedText.Gap.PARAGRAPH);
	}

	@Test
	void cleaningDropsLineBreaksBetweenChineseCharactersAndBoldMarkers() {
		assertThat(Passages.clean("**汤姆\n猫**")).isEqualTo("汤姆猫");
		assertThat(Passages.clean("AI  视频\n技术 与\nTools")).isEqualTo("AI 视频技术 与 Tools");
	}

	@Test
	void aSentenceIsCutAtChinesePunctuationAndBlankLinesButNotAtAWrappedLine() {
		var text = FoldedText.of("上一句。利用 Midjour\nney 等工具进行创作；下一句\n\n另一段");
		int at = text.folded().indexOf("midjourney");
		assertThat(Passages.passage(text, at, at + "midjourney".length())).isEqualTo("利用 Midjour\nney 等工具进行创作");
		var lines = List.of("- 《周报：Claude 3 模型发布》，2024.3.10", "- 《月报》，2024.3.7");
		var list = FoldedText.of(String.join("\n", lines));
		int claude = list.folded().indexOf("claude3");
		assertThat(Passages.passage(list, claude, claude + 7)).isEqualTo("《周报：Claude 3 模型发布》，2024.3.10");
	}

}
