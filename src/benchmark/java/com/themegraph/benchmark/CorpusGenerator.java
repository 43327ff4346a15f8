package com.themegraph.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a synthetic corpus in the report document format: one entity file with the companies,
 * technologies, products, organisations and analysts, and one file per report. Every id and name
 * says it is synthetic. The same sizes and seed give the same files, byte for byte, whatever the
 * number of threads: each report draws from its own random stream.
 * <p>
 * Shape of a report (about 52 relationships): a broker and two analysts, a cited report, two
 * risks, two technologies or products it is about, fourteen it mentions, two themes (each about
 * the theme's own technology, sometimes one of its two others too, and recommending six
 * companies, mostly from the theme's pool of fifty), and fourteen quoted facts about what it
 * mentions. Facts are drawn from a fixed set per entity (each product uses two technologies, is
 * a kind of one and has one maker; each technology uses two others), so that, as in a real
 * corpus, many reports state the same fact, each with its own quote.
 */
final class CorpusGenerator {

	static final String ENTITY_FILE = "entities/synthetic-entities.json";

	record Sizes(int reports, int companies, int technologies, int products, int themes, long seed) {

		Sizes {
			if (reports < 1 || companies < 12 || technologies < 4 || products < 4 || themes < 2) {
				throw new IllegalArgumentException("corpus too small: " + this);
			}
			if (companies > 10_000 || technologies > 9_999 || products > 9_999 || themes > 9_999) {
				throw new IllegalArgumentException("corpus ids run out above 10,000 companies or 9,999 of a kind: " + this);
			}
		}

	}

	static final int BROKERS = 20;

	static final int ANALYSTS = 200;

	static final int ORGANIZATIONS = 100;

	static final int RISKS = 30;

	static final int THEME_POOL = 50;

	static final int MENTIONS = 14;

	static final int FACTS = 14;

	static final int COMPANIES_PER_THEME = 6;

	private final Sizes sizes;

	private final JsonMapper json = JsonMapper.builder().build();

	CorpusGenerator(Sizes sizes) {
		this.sizes = sizes;
	}

	static String reportId(int index) {
		return "syn-report-%06d".formatted(index);
	}

	static String companyCode(int index) {
		// Beijing-style codes 870000+ and Hong Kong 80000+: nothing the seed data uses.
		return index % 5 == 4 ? (80000 + index) + ".HK" : "%06d.BJ".formatted(870000 + index);
	}

	static String technologyId(int index) {
		return "syn-tech-%04d".formatted(index);
	}

	static String productId(int index) {
		return "syn-product-%04d".formatted(index);
	}

	static String themeId(int index) {
		return "syn-theme-%04d".formatted(index);
	}

	/** The technology a theme is about in every report that uses it. */
	int themeTechnology(int theme) {
		return (int) ((theme * 7919L) % sizes.technologies());
	}

	/** A fixed choice for an entity: the same in every report, so facts repeat as they do in real corpora. */
	private int fixed(String entity, int which, int bound) {
		return new SplittableRandom(sizes.seed() * 31 + entity.hashCode() * 7L + which).nextInt(bound);
	}

	/** The technology other than {@code technology} that it uses, {@code which} of two. */
	private String usedTechnology(String entity, int which) {
		var used = technologyId(fixed(entity, which, sizes.technologies()));
		return used.equals(entity) ? technologyId((fixed(entity, which, sizes.technologies()) + 1) % sizes.technologies()) : used;
	}

	private String maker(String product) {
		return "syn-org-%03d".formatted(1 + fixed(product, 9, ORGANIZATIONS));
	}

	/** The two other things a theme is about in some of its reports. */
	private String themeSecondary(int theme, int which) {
		return target(fixed(themeId(theme), which, sizes.technologies() + sizes.products()));
	}

	/** Writes the corpus under {@code directory}: entities/ and reports/. */
	void write(Path directory, IntConsumer progress) throws IOException {
		Files.createDirectories(directory.resolve("entities"));
		Files.createDirectories(directory.resolve("reports"));
		write(directory.resolve(ENTITY_FILE), entities());
		var done = new AtomicInteger();
		IntStream.rangeClosed(1, sizes.reports()).parallel().forEach(index -> {
			write(directory.resolve("reports").resolve(reportId(index) + ".json"), report(index));
			int count = done.incrementAndGet();
			if (count % 1000 == 0 || count == sizes.reports()) {
				progress.accept(count);
			}
		});
	}

	private void write(Path file, ObjectNode document) {
		try (OutputStream out = Files.newOutputStream(file)) {
			json.writeValue(out, document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ObjectNode entities() {
		var file = json.createObjectNode();
		file.put("kind", "entities");
		file.put("source", "synthetic-entities");
		file.put("sourceTitle", "Synthetic benchmark corpus, seed " + sizes.seed() + ": not real companies or facts");
		var organizations = file.putArray("organizations");
		for (int i = 1; i <= BROKERS; i++) {
			entity(organizations, "syn-broker-%02d".formatted(i), "合成证券%02d".formatted(i), "Synthetic Securities %02d".formatted(i))
				.put("type", "broker");
		}
		for (int i = 1; i <= ORGANIZATIONS; i++) {
			entity(organizations, "syn-org-%03d".formatted(i), "合成机构%03d".formatted(i), "Synthetic Org %03d".formatted(i))
				.put("type", "company");
		}
		var people = file.putArray("people");
		for (int i = 1; i <= ANALYSTS; i++) {
			entity(people, "syn-analyst-%03d".formatted(i), "合成分析师%03d".formatted(i), "Synthetic Analyst %03d".formatted(i));
		}
		var technologies = file.putArray("technologies");
		for (int i = 0; i < sizes.technologies(); i++) {
			entity(technologies, technologyId(i), "合成技术%04d".formatted(i), "Synthetic Technology %04d".formatted(i));
		}
		var products = file.putArray("products");
		for (int i = 0; i < sizes.products(); i++) {
			entity(products, productId(i), "合成产品%04d".formatted(i), "Synthetic Product %04d".formatted(i));
		}
		var companies = file.putArray("companies");
		for (int i = 0; i < sizes.companies(); i++) {
			var company = companies.addObject();
			company.put("code", companyCode(i));
			company.put("name", "合成公司%04d".formatted(i));
			company.put("nameEn", "Synthetic Company %04d".formatted(i));
			company.putArray("aliases").add("SynCo %04d".formatted(i));
		}
		var facts = file.putArray("facts");
		for (int i = 0; i < sizes.products(); i++) {
			var maker = maker(productId(i));
			fact(facts, productId(i), "MADE_BY", maker).put("note", "Synthetic Product %04d | %s".formatted(i, maker));
		}
		for (int i = 0; i < sizes.technologies(); i++) {
			var other = usedTechnology(technologyId(i), 0);
			fact(facts, technologyId(i), "USES", other).put("note", "Synthetic Technology %04d | %s".formatted(i, other));
		}
		for (int i = 1; i <= ANALYSTS; i++) {
			fact(facts, "syn-analyst-%03d".formatted(i), "AFFILIATED_WITH", "syn-broker-%02d".formatted(1 + (i - 1) % BROKERS));
		}
		return file;
	}

	ObjectNode report(int index) {
		var random = new SplittableRandom(sizes.seed() * 1_000_003L + index);
		var id = reportId(index);
		var text = new StringBuilder();
		var report = json.createObjectNode();
		report.put("kind", "report");
		report.put("id", id);
		var title = "合成报告%06d：Synthetic report %d, not a real document".formatted(index, index);
		report.put("title", title);
		var broker = 1 + random.nextInt(BROKERS);
		report.put("broker", "syn-broker-%02d".formatted(broker));
		report.put("brokerQuote", sentence(text, "本报告由合成证券%02d发布".formatted(broker)));
		report.put("industry", "传媒");
		report.put("rating", "增持");
		report.put("ratingAction", "维持");
		report.put("ratingQuote", sentence(text, "行业评级：增持（维持）"));
		var date = LocalDate.of(2020, 1, 1).plusDays(index % 1800).toString();
		var published = report.putObject("published");
		published.put("earliest", date);
		published.put("latest", date);
		published.put("precision", "day");
		report.put("language", "zh");

		var analysts = report.putArray("analysts");
		var firstAnalyst = 1 + random.nextInt(ANALYSTS);
		for (int a = 0; a < 2; a++) {
			var person = "syn-analyst-%03d".formatted(1 + (firstAnalyst - 1 + a * 7) % ANALYSTS);
			var analyst = analysts.addObject();
			analyst.put("person", person);
			analyst.put("role", "证券分析师");
			analyst.put("quote", sentence(text, "分析师：合成分析师%s".formatted(person.substring(person.length() - 3))));
		}
		var cited = report.putArray("cites").addObject();
		var issue = 1 + random.nextInt(500);
		cited.put("title", "合成周报第%03d期".formatted(issue));
		cited.put("date", LocalDate.of(2019, 12, 1).plusDays(issue).toString());
		cited.put("quote", sentence(text, "相关研究：《合成周报第%03d期》".formatted(issue)));
		var risks = report.putArray("risks");
		var firstRisk = 1 + random.nextInt(RISKS);
		for (int r = 0; r < 2; r++) {
			var number = 1 + (firstRisk - 1 + r * 11) % RISKS;
			var risk = risks.addObject();
			risk.put("id", "syn-risk-%02d".formatted(number));
			risk.put("name", "合成风险%02d".formatted(number));
			risk.put("nameEn", "Synthetic risk %02d".formatted(number));
			risk.put("quote", sentence(text, "风险提示：合成风险%02d".formatted(number)));
		}

		var targets = distinct(random, 2 + MENTIONS, sizes.technologies() + sizes.products());
		var about = report.putArray("about");
		for (int a = 0; a < 2; a++) {
			var entity = target(targets.get(a));
			about.addObject().put("entity", entity).put("quote", sentence(text, "本报告聚焦" + entity + "的发展"));
		}
		var mentions = report.putArray("mentions");
		var mentioned = new ArrayList<String>();
		for (int m = 2; m < targets.size(); m++) {
			var entity = target(targets.get(m));
			mentioned.add(entity);
			mentions.addObject().put("entity", entity).put("quote", sentence(text, "报告提及" + entity + "的最新进展"));
		}

		var themes = report.putArray("themes");
		var themeIndexes = distinct(random, 2, sizes.themes());
		for (int t : themeIndexes) {
			var theme = themes.addObject();
			theme.put("id", themeId(t));
			theme.put("name", "合成主题%04d".formatted(t));
			theme.put("nameEn", "Synthetic theme %04d".formatted(t));
			theme.put("quote", sentence(text, "建议关注合成主题%04d相关公司".formatted(t)));
			var themeAbout = theme.putArray("about");
			var main = technologyId(themeTechnology(t));
			themeAbout.addObject().put("entity", main).put("quote", sentence(text, "合成主题%04d受益于%s".formatted(t, main)));
			if (random.nextBoolean()) {
				var extra = themeSecondary(t, random.nextInt(2));
				if (!extra.equals(main)) {
					themeAbout.addObject().put("entity", extra).put("quote", sentence(text, "合成主题%04d亦涉及%s".formatted(t, extra)));
				}
			}
			var companies = theme.putArray("companies");
			var chosen = new LinkedHashSet<Integer>();
			while (chosen.size() < COMPANIES_PER_THEME) {
				chosen.add(random.nextInt(10) < 8 ? (t * 37 + random.nextInt(THEME_POOL)) % sizes.companies()
						: random.nextInt(sizes.companies()));
			}
			var names = new ArrayList<String>();
			chosen.forEach(c -> names.add("合成公司%04d".formatted(c)));
			var listing = sentence(text, "【" + String.join("，", names) + "】");
			for (int c : chosen) {
				companies.addObject().put("code", companyCode(c)).put("name", "合成公司%04d".formatted(c)).put("quote", listing);
			}
		}

		var facts = report.putArray("facts");
		for (int f = 0; f < FACTS; f++) {
			var subject = mentioned.get(random.nextInt(mentioned.size()));
			String predicate;
			String object;
			int which = random.nextInt(4);
			if (subject.startsWith("syn-product") && which == 3) {
				predicate = "MADE_BY";
				object = maker(subject);
			}
			else if (subject.startsWith("syn-product") && which == 2) {
				predicate = "IS_A";
				object = usedTechnology(subject, 2);
			}
			else {
				predicate = "USES";
				object = usedTechnology(subject, which % 2);
			}
			fact(facts, subject, predicate, object).put("quote", sentence(text, subject + "（" + predicate + "）" + object));
		}
		text.append("本报告为合成数据，仅用于性能测试。");
		report.put("text", title + "\n" + text);
		return report;
	}

	/** Appends a sentence to the text and returns it, the quote that evidences a relationship. */
	private static String sentence(StringBuilder text, String sentence) {
		text.append(sentence).append("。");
		return sentence;
	}

	private String target(int index) {
		return index < sizes.technologies() ? technologyId(index) : productId(index - sizes.technologies());
	}

	private static List<Integer> distinct(SplittableRandom random, int count, int bound) {
		var chosen = new LinkedHashSet<Integer>();
		while (chosen.size() < Math.min(count, bound)) {
			chosen.add(random.nextInt(bound));
		}
		return List.copyOf(chosen);
	}

	private static ObjectNode entity(ArrayNode list, String id, String name, String nameEn) {
		var entity = list.addObject();
		entity.put("id", id);
		entity.put("name", name);
		entity.put("nameEn", nameEn);
		entity.putArray("aliases");
		return entity;
	}

	private static ObjectNode fact(ArrayNode facts, String subject, String predicate, String object) {
		return facts.addObject().put("subject", subject).put("predicate", predicate).put("object", object);
	}

}
