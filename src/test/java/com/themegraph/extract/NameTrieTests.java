package com.themegraph.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameTrieTests {

	private final NameTrie<String> trie = new NameTrie<>();

	NameTrieTests() {
		for (var name : new String[] { "Pika", "Pika Labs", "GPT", "Sora", "扩散模型", "汤姆猫", "AI 动画", "AI 动画片",
				"Claude 3" }) {
			trie.add(FoldedText.key(name), name);
		}
	}

	private java.util.List<String> found(String text) {
		var folded = FoldedText.of(text);
		return trie.scan(folded, 0, folded.length())
			.stream()
			.map(match -> match.values().iterator().next() + "=" + folded.originalOf(match.start(), match.end()))
			.toList();
	}

	@Test
	void theLongestNameWinsAndNamesDoNotOverlap() {
		assertThat(found("Pika Labs 发布 Pika")).containsExactly("Pika Labs=Pika Labs", "Pika=Pika");
		assertThat(found("国内首部 AI 动画片")).containsExactly("AI 动画片=AI 动画片");
	}

	@Test
	void aLatinNameInsideALongerWordIsNotFound() {
		assertThat(found("ChatGPT 与 Soraya")).isEmpty();
		assertThat(found("Claude 30")).isEmpty();
		assertThat(found("利用GPT生成")).containsExactly("GPT=GPT");
	}

	@Test
	void chineseNamesNeedNoBoundaryAndSurviveLineBreaksAndWidth() {
		assertThat(found("基于扩散模型的")).containsExactly("扩散模型=扩散模型");
		assertThat(found("美图公司，汤姆\n猫，风语筑")).containsExactly("汤姆猫=汤姆\n猫");
		assertThat(found("ＳＯＲＡ和ｐｉｋａ　ｌａｂｓ")).containsExactly("Sora=ＳＯＲＡ", "Pika Labs=ｐｉｋａ　ｌａｂｓ");
	}

	@Test
	void aSingleCharacterIsNeverAName() {
		trie.add("猫", "猫");
		assertThat(found("一只猫")).isEmpty();
	}

}
