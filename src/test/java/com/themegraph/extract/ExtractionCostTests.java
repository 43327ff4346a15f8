package com.themegraph.extract;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.themegraph.extract.KnownNames.Known;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What extraction costs on texts made to be expensive: the work, counted in budget steps
 * (every character or item a loop of the extractor visits), grows in proportion to the
 * text; and the budget stops an extraction that runs out of time or is cancelled. No
 * clock is read here: the measured times are in docs/reliability.md. The texts and names
 * are invented for these tests.
 */
class ExtractionCostTests {

	/** Invented names of each kind the extractor looks for. */
	static final KnownNames NAMES = new KnownNames(
			List.of(new Known("600999.SH", List.of("Company"), "甲乙科技", "Jiayi Tech", List.of("甲乙"), null),
					new Known("300998.SZ", List.of("Company"), "丙丁传媒", null, List.of(), null),
					new Known("test-vision", List.of("Technology"), "Testvision", null, List.of("测视模型"), null),
					new Known("test-lab", List.of("Organization"), "测试实验室", null, List.of(), null),
					new Known("test-broker", List.of("Organization", "Broker"), "测试证券", null, List.of(), "broker"),
					new Known("zhang-ce", List.of("Person"), "张测", null, List.of(), null),
					new Known("test-theme", List.of("Theme"), "测试主题", null, List.of(), null),
					new Known("test-risk", List.of("Risk"), "测试风险", null, List.of(), null)));

	static final int N = 10_000;

	static String repeat(String unit, int chars) {
		return unit.repeat(Math.max(1, chars / unit.length()));
	}

	/** {@code count} two-character Chinese names, all different. */
	static String distinct(int i) {
		return new String(new char[] { (char) (0x4E00 + i % 2000), (char) (0x5E00 + i / 2000) });
	}

	static String repeatDistinct(IntFunction<String> unit, int chars) {
		var text = new StringBuilder();
		for (int i = 0; text.length() < chars; i++) {
			text.append(unit.apply(i));
		}
		return text.toString();
	}

	static Stream<Arguments> expensiveTexts() {
		return Stream.of(Arguments.of("【a】 repeated, no cue", (IntFunction<String>) n -> repeat("【a】", n)),
				Arguments.of("a cue, then 【a】 repeated", (IntFunction<String>) n -> "建议关注" + repeat("【a】", n)),
				Arguments.of("a cue, then the same list repeated",
						(IntFunction<String>) n -> "建议关注" + repeat("Testvision带动甲乙科技【甲乙科技、丙丁传媒】", n)),
				Arguments.of("a cue, then lists all different",
						(IntFunction<String>) n -> "建议关注" + repeatDistinct(i -> "【甲乙科技、" + distinct(i) + "科技】", n)),
				Arguments.of("one line with names and no sentence end",
						(IntFunction<String>) n -> repeat("Testvision与测试实验室的视频生成和甲乙", n)),
				Arguments.of("list separators", (IntFunction<String>) n -> repeat("、", n)),
				Arguments.of("a cue, then long lists of separators",
						(IntFunction<String>) n -> "建议关注" + repeat("【" + "甲乙、".repeat(300) + "】", n)),
				Arguments.of("digits", (IntFunction<String>) n -> repeat("0123456789", n)),
				Arguments.of("codes in lists",
						(IntFunction<String>) n -> "建议关注" + repeat("【甲乙科技（600999.SH），丙丁传媒（300998）】", n)),
				Arguments.of("nested 【】", (IntFunction<String>) n -> repeat("【", n / 2) + repeat("】", n / 2)),
				Arguments.of("nested （）", (IntFunction<String>) n -> repeat("（", n / 2) + repeat("）", n / 2)),
				Arguments.of("nested 《》", (IntFunction<String>) n -> repeat("《", n / 2) + repeat("》", n / 2)),
				Arguments.of("analyst bylines, all different",
						(IntFunction<String>) n -> repeatDistinct(i -> "证券分析师：" + distinct(i) + "\nS0120522100002\n",
								n)),
				Arguments.of("role words on lines of their own", (IntFunction<String>) n -> repeat("分析师\n\n", n)),
				Arguments.of("risk headings", (IntFunction<String>) n -> repeat("风险提示：测试风险、", n)),
				Arguments.of("cited reports, all different",
						(IntFunction<String>) n -> repeatDistinct(i -> "《" + distinct(i) + "报告》2024.3.10", n)),
				Arguments.of("ratings", (IntFunction<String>) n -> repeat("买入（维持）", n)),
				Arguments.of("title lines and summary headings",
						(IntFunction<String>) n -> repeat("测试行业的一个标题行\n投资要点\n", n)),
				Arguments.of("long runs of blanks between lines",
						(IntFunction<String>) n -> repeat("\n" + " ".repeat(300) + "Testvision ", n)),
				Arguments.of("names broken across lines", (IntFunction<String>) n -> repeat("甲乙\n科技\n", n)));
	}

	static long steps(String text) {
		var budget = Budget.unlimited();
		DraftBuilder.build(text, NAMES, budget);
		return budget.steps();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("expensiveTexts")
	void fourTimesTheTextIsAtMostFourTimesTheWork(String what, IntFunction<String> text) {
		var small = text.apply(N);
		var large = text.apply(4 * N);
		long smallSteps = steps(small);
		long largeSteps = steps(large);
		System.out.printf("ExtractionCostTests %-45s %,7d chars: %,10d steps; %,7d chars: %,10d steps (x%.2f)%n", what,
				small.length(), smallSteps, large.length(), largeSteps, largeSteps / (double) smallSteps);
		// Every character is looked at least once, so the count is real work, not a
		// constant.
		assertThat(smallSteps).isGreaterThanOrEqualTo(small.length());
		// Linear work gives 4 (a little more for the texts' fixed prefixes); one
		// quadratic step gives up to 16.
		assertThat((double) largeSteps).as(what).isLessThanOrEqualTo(4.2 * smallSteps);
	}

	@Test
	void aBudgetOfNoTimeStopsAnExtractionAndSaysItTimedOut() {
		var budget = Budget.of(Duration.ofNanos(1));
		var stopped = catchThrowableOfType(ExtractionStoppedException.class,
				() -> DraftBuilder.build(repeat("建议关注【甲乙科技、丙丁传媒】", 4 * N), NAMES, budget));
		assertThat(stopped.timedOut()).isTrue();
		assertThat(stopped.timeout()).isEqualTo(Duration.ofNanos(1));
		// Stopped at the first look at the clock, long before the whole text was read.
		assertThat(budget.steps()).isLessThanOrEqualTo(2L * Budget.CHECK_EVERY);
	}

	@Test
	void aCancelledExtractionStopsAtItsNextCheck() {
		var text = repeat("建议关注【甲乙科技、丙丁传媒】", 4 * N);
		long whole = steps(text);
		var budget = Budget.unlimited();
		budget.cancel();
		var stopped = catchThrowableOfType(ExtractionStoppedException.class,
				() -> DraftBuilder.build(text, NAMES, budget));
		assertThat(stopped.timedOut()).isFalse();
		assertThat(stopped.getMessage()).startsWith("Extraction cancelled");
		assertThat(budget.steps()).isLessThanOrEqualTo(2L * Budget.CHECK_EVERY).isLessThan(whole / 10);
	}

	@Test
	void anInterruptedThreadStopsItsExtraction() {
		Thread.currentThread().interrupt();
		try {
			var stopped = catchThrowableOfType(ExtractionStoppedException.class,
					() -> DraftBuilder.build(repeat("【a】", 4 * N), NAMES, Budget.unlimited()));
			assertThat(stopped.timedOut()).isFalse();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void aTextOfThousandsOfListsIsDraftedAsTheFirstHundredAndSaysSo() {
		// Names no company has, so no two lists are the same companies (those would be
		// one group).
		var text = "建议关注" + repeatDistinct(i -> "【" + distinct(i) + "科技、" + distinct(i) + "传媒】", 20 * N);
		var draft = DraftBuilder.build(text, NAMES);
		// Lists of names the graph does not know draft no theme (a theme needs a
		// company):
		// their names are under review.
		assertThat(draft.path("themes")).isEmpty();
		assertThat(draft.path("review").path("unresolved")).hasSize(DraftBuilder.MAX_ENTRIES);
		var notes = draft.path("review").path("check").findValuesAsString("why");
		assertThat(notes).contains("the text has more than 100 lists of companies; only the first 100 are drafted. "
				+ "A report has far fewer: check that this text is one report");
		assertThat(notes).anyMatch(why -> why.startsWith("more than 100 names in the lists resolve to no company"));
	}

}
