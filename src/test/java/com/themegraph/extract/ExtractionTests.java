package com.themegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractor on the seed report's text, clean and damaged, with the names the seeded
 * graph knows (read from seed-data/, no database). ExtractionIT scores it against the
 * graph itself.
 */
class ExtractionTests {

	static final KnownNames KNOWN = SeedNames.known();

	static final JsonNode CURATED = SeedNames.seedReport();

	static final String TEXT = SeedNames.seedText();

	static JsonNode draft(String text) {
		return DraftBuilder.build(text, KNOWN);
	}

	static List<String> texts(JsonNode array, String field) {
		var values = new ArrayList<String>();
		array.forEach(item -> values.add(item.path(field).asString()));
		return values;
	}

	/**
	 * Every quote anywhere in the draft, review included, must be a substring of the text
	 * it was given.
	 */
	static void assertQuotesVerbatim(JsonNode draft, String text) {
		var quotes = new ArrayList<String>();
		collectQuotes(draft, quotes);
		assertThat(quotes).isNotEmpty().allSatisfy(quote -> assertThat(text).contains(quote));
	}

	private static void collectQuotes(JsonNode node, List<String> quotes) {
		node.properties().forEach(entry -> {
			if (entry.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("quote") && entry.getValue().isString()) {
				quotes.add(entry.getValue().asString());
			}
			else if (!"text".equals(entry.getKey())) {
				collectQuotes(entry.getValue(), quotes);
			}
		});
		if (node.isArray()) {
			node.forEach(item -> collectQuotes(item, quotes));
		}
	}

	@Test
	void theSeedTextGivesTheCuratedReportFields() {
		var draft = draft(TEXT);
		assertThat(draft.path("kind").asString()).isEqualTo("report");
		assertThat(draft.path("id").asString()).matches("draft-[0-9a-f]{12}");
		assertThat(draft.path("title").asString()).isEqualTo(CURATED.path("title").asString());
		assertThat(draft.path("broker").asString()).isEqualTo("tebon-securities");
		assertThat(draft.path("brokerQuote").asString()).isEqualTo("本报告仅供德邦证券股份有限公司（以下简称“本公司”）的客户使用");
		assertThat(draft.path("industry").asString()).isEqualTo("传媒");
		assertThat(draft.path("rating").asString()).isEqualTo("优于大市");
		assertThat(draft.path("ratingAction").asString()).isEqualTo("维持");
		assertThat(draft.path("ratingQuote").asString()).isEqualTo("优于大市（维持）");
		assertThat(draft.path("language").asString()).isEqualTo("zh");
		assertThat(draft.path("analysts")).isEqualTo(CURATED.path("analysts"));
		assertThat(draft.path("cites")).isEqualTo(CURATED.path("cites"));
		assertThat(texts(draft.path("risks"), "id")).isEqualTo(texts(CURATED.path("risks"), "id"));
		assertThat(texts(draft.path("risks"), "quote")).isEqualTo(texts(CURATED.path("risks"), "quote"));
		assertThat(texts(draft.path("about"), "entity")).containsExactly("sora");
		assertThat(draft.path("text").asString()).isEqualTo(TEXT);
		assertQuotesVerbatim(draft, TEXT);
	}

	@Test
	void theDraftSaysWhatAPersonMustStillDo() {
		var review = draft(TEXT).path("review");
		assertThat(review.path("howTo").asString()).contains("delete this `review` object");
		assertThat(texts(review.path("missing"), "field")).containsExactly("/published");
		assertThat(review.path("missing").get(0).path("why").asString()).contains("2024-03-10");
		assertThat(review.path("unresolved")).isEmpty();
		assertThat(texts(review.path("ambiguous"), "text")).containsExactly("Midjourney", "Runway", "Kaiber",
				"Eleven Labs", "Adobe");
		assertThat(review.path("ambiguous").get(1).path("chosen").asString()).isEqualTo("runway-suite");
		assertThat(texts(review.path("generated"), "field")).containsExactly("/id", "/themes/3/id");
	}

	@Test
	void recommendationsComeInTheirFourGroupsWithHeadingsAndTheListAsQuote() {
		var draft = draft(TEXT);
		var themes = draft.path("themes");
		assertThat(themes).hasSize(4);
		for (int i = 0; i < 3; i++) {
			// Three headings are word for word the curated theme names, so the draft
			// reuses those themes.
			assertThat(themes.get(i).path("id").asString())
				.isEqualTo(CURATED.path("themes").get(i).path("id").asString());
			assertThat(themes.get(i).path("quote").asString())
				.isEqualTo(CURATED.path("themes").get(i).path("quote").asString());
		}
		assertThat(themes.get(3).path("id").asString()).isEqualTo(draft.path("id").asString() + "-group-4");
		assertThat(themes.get(3).path("name").asString()).isEqualTo("央国企持续投入 AI 传媒等，且有海量的视频内容素材和国有的媒体传播渠道");
		assertThat(themes.get(3).path("quote").asString())
			.isEqualTo(CURATED.path("themes").get(3).path("quote").asString().replace("：", ""));
		for (int i = 0; i < 4; i++) {
			assertThat(themes.get(i).path("companies")).as("group " + (i + 1))
				.isEqualTo(CURATED.path("themes").get(i).path("companies"));
		}
		assertThat(texts(themes.get(0).path("about"), "entity")).containsExactly("ai-video-generation");
	}

	@Test
	void withOnlyTheReferenceFilesKnownTheReportsOwnNewEntitiesAreWhatIsMissed() {
		// As if this report were extracted before it was loaded: the names it defines
		// itself are unknown.
		var curatedOwn = new java.util.TreeSet<String>();
		CURATED.path("entities")
			.forEach(section -> section.forEach(entity -> curatedOwn.add(entity.path("id").asString())));
		var withoutOwn = new KnownNames(
				SeedNames.knownRows().stream().filter(row -> !curatedOwn.contains(row.id())).toList());
		var score = DraftScore.of(DraftBuilder.build(TEXT, withoutOwn), CURATED);
		System.out.println(score.summary("seed text, reference entities only"));
		var expectedMissed = new java.util.TreeSet<>(curatedOwn);
		expectedMissed.add("diffusion-transformer");
		assertThat(score.entitiesMissed()).isEqualTo(expectedMissed);
		assertThat(score.entitiesExtra()).isEmpty();
		assertThat(score.recommendationRecall()).isEqualTo(1.0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 7, 13, 29, 41 })
	void linesWrappedAtAnyWidthLoseNoRecommendationAndNoEntity(int width) {
		var clean = DraftScore.of(draft(TEXT), CURATED);
		var text = MessyText.wrapped(TEXT, width);
		var draft = draft(text);
		var score = DraftScore.of(draft, CURATED);
		System.out.println(score.summary("seed text wrapped at " + width));
		assertThat(score.recommendationRecall()).isEqualTo(1.0);
		assertThat(score.recommendationPrecision()).isEqualTo(1.0);
		assertThat(score.groupsDistinct()).isTrue();
		assertThat(score.draftEntities()).isEqualTo(clean.draftEntities());
		assertThat(draft.path("review").path("unresolved")).isEmpty();
		assertQuotesVerbatim(draft, text);
	}

	@Test
	void fullWidthLettersDigitsAndPunctuationChangeNothingButTheQuotes() {
		var text = MessyText.fullWidth(TEXT);
		var draft = draft(text);
		var clean = draft(TEXT);
		assertThat(text.contains("ＡＩ") && text.contains(MessyText.fullWidth("S0120522100002")) && !text.contains("AI"))
			.as("the text is full-width")
			.isTrue();
		assertThat(DraftScore.entities(draft)).isEqualTo(DraftScore.entities(clean));
		assertThat(texts(draft.path("themes"), "name")).isEqualTo(texts(clean.path("themes"), "name"));
		assertThat(texts(draft.path("themes"), "id").subList(0, 3))
			.isEqualTo(texts(clean.path("themes"), "id").subList(0, 3));
		for (int i = 0; i < 4; i++) {
			assertThat(DraftScore.codes(draft.path("themes").get(i)))
				.isEqualTo(DraftScore.codes(clean.path("themes").get(i)));
		}
		assertThat(texts(draft.path("analysts"), "sacCertificate")).containsExactly("S0120522100002", "");
		assertThat(draft.path("rating").asString()).isEqualTo("优于大市");
		assertThat(texts(draft.path("cites"), "date")).isEqualTo(texts(clean.path("cites"), "date"));
		assertThat(texts(draft.path("risks"), "id")).isEqualTo(texts(clean.path("risks"), "id"));
		assertQuotesVerbatim(draft, text);
	}

	@Test
	void namesBrokenByLineBreaksAndOddCodePointsAreStillFound() {
		var text = TEXT.replace("汤姆猫", "汤姆\n猫")
			.replace("万兴科技", "万兴\n科技")
			.replace("Jim Fan", "Jim\nFan")
			.replace("上海人工智能实验室", "上海人工\n智能实验室")
			.replace("书生·筑梦", "书生・筑梦")
			.replace("DALL·E 3", "ＤＡＬＬ・Ｅ　３")
			.replace("Gen-2", "Gen\u20112")
			.replace("AnimateDiff", "Animate\u00ADDiff");
		var draft = draft(text);
		assertThat(DraftScore.entities(draft)).contains("jim-fan", "shanghai-ai-lab", "shusheng-zhumeng", "dall-e-3",
				"gen-2", "animatediff");
		assertThat(DraftScore.entities(draft)).isEqualTo(DraftScore.entities(draft(TEXT)));
		var first = draft.path("themes").get(0).path("companies");
		assertThat(texts(first, "code")).containsExactly("300624.SZ", "300418.SZ", "1357.HK", "300459.SZ", "603466.SH");
		assertThat(texts(first, "name")).containsExactly("万兴科技", "昆仑万维", "美图公司", "汤姆猫", "风语筑");
		assertThat(first.get(0).path("quote").asString()).isEqualTo("【万兴\n科技，昆仑万维，美图公司，汤姆\n猫，风语筑等】");
		assertQuotesVerbatim(draft, text);
	}

	@Test
	void interleavedColumnsKeepEveryRecommendationAndListTheStrayLinesForReview() {
		var text = MessyText.interleaved(TEXT, 40, 18);
		var draft = draft(text);
		var score = DraftScore.of(draft, CURATED);
		System.out.println(score.summary("seed text, sidebar interleaved with body"));
		assertThat(score.recommendationRecall()).isEqualTo(1.0);
		assertThat(score.recommendationPrecision()).isEqualTo(1.0);
		assertThat(score.groupsDistinct()).isTrue();
		// Names cut in two by a sidebar line are lost (Claude 3 in the sidebar, Ru|nway
		// in the body); the subjects of the report are not.
		assertThat(score.draftEntities()).contains("sora", "openai", "diffusion", "transformer", "gen-2", "pika", "svd",
				"ai-video-generation", "qianqiu-shisong", "our-t2-remake", "lightricks", "ltx-studio", "aigc",
				"midjourney");
		assertThat(score.entityRecall()).isGreaterThanOrEqualTo(0.85);
		assertThat(score.entityPrecision()).isGreaterThanOrEqualTo(0.9);
		// The sidebar lines that landed inside lists are shown, not dropped and not
		// guessed at.
		var unresolved = draft.path("review").path("unresolved");
		assertThat(unresolved).isNotEmpty();
		unresolved.forEach(item -> {
			assertThat(text).contains(item.path("quote").asString());
			assertThat(item.path("why").asString()).isEqualTo("no listed company in the graph has this name or alias");
		});
		assertThat(texts(draft.path("analysts"), "person")).containsExactly("ma-xiao", "wang-meiqing");
		assertThat(texts(draft.path("analysts"), "sacCertificate")).as("cut in two by a body line: not guessed")
			.containsOnly("");
		assertQuotesVerbatim(draft, text);
	}

	@Test
	void aNameNoCompanyHasIsListedAsUnresolvedNeverGuessed() {
		var text = TEXT.replace("风语筑等", "风语筑科技等").replace("美图公司，汤姆猫，风语筑", "美图秀秀，汤姆猫，风语筑");
		var draft = draft(text);
		var first = draft.path("themes").get(0);
		assertThat(texts(first.path("companies"), "code")).containsExactly("300624.SZ", "300418.SZ", "300459.SZ");
		var unresolved = draft.path("review").path("unresolved");
		assertThat(texts(unresolved, "text")).containsExactly("美图秀秀", "风语筑科技");
		assertThat(texts(unresolved, "field")).containsOnly("/themes/0/companies");
		assertThat(unresolved.get(0).path("quote").asString()).isEqualTo("【万兴科技，昆仑万维，美图秀秀，汤姆猫，风语筑科技等】");
	}

	@Test
	void aPrintedCodeConfirmsOrResolvesANameButNeverOverridesIt() {
		var text = TEXT.replace("万兴科技，昆仑万维，美图公司，", "万兴科技（300624），新公司（300418.SZ），美图公司（600000），");
		var first = draft(text).path("themes").get(0);
		assertThat(texts(first.path("companies"), "code")).containsExactly("300624.SZ", "300418.SZ", "300459.SZ",
				"603466.SH");
		assertThat(texts(first.path("companies"), "name")).startsWith("万兴科技", "新公司");
		var unresolved = draft(text).path("review").path("unresolved");
		assertThat(texts(unresolved, "text")).containsExactly("美图公司");
		assertThat(texts(unresolved, "why")).singleElement().asString().contains("600000");
	}

	@Test
	void anAnalystTheGraphDoesNotKnowIsDefinedFromTheBylineWithTheCertificateAsId() {
		var text = TEXT.replace("研究助理\n\n王梅卿", "证券分析师\n\n李四\n\n资格编号：S0120523070001");
		var draft = draft(text);
		assertThat(texts(draft.path("analysts"), "person")).containsExactly("ma-xiao", "analyst-s0120523070001");
		assertThat(draft.path("entities").path("people").get(0).path("name").asString()).isEqualTo("李四");
		assertThat(texts(draft.path("review").path("generated"), "field")).contains("/analysts/1/person");
	}

	@Test
	void textWithNothingRecognisableIsADraftOfMissingFields() {
		var draft = draft("这是一段没有任何已知名称的文字。");
		assertThat(texts(draft.path("review").path("missing"), "field")).containsExactly("/title", "/broker",
				"/industry", "/rating", "/published", "/analysts");
		assertThat(draft.path("themes")).isEmpty();
		assertThat(draft.path("mentions")).isEmpty();
		assertThat(Set.of("kind", "review", "id", "language", "text"))
			.allSatisfy(field -> assertThat(draft.has(field)).isTrue());
	}

}
