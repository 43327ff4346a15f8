package com.themegraph.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.themegraph.extract.KnownNames.Known;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assembles the draft: a report document (docs/report-format.md) holding what the text
 * yields, plus a top-level {@code review} object saying what a person must still do. The
 * report schema does not allow {@code review}, so a draft cannot be loaded until someone
 * has gone through it and deleted that object. Pure: it reads only the text and the known
 * names.
 */
final class DraftBuilder {

	static final String HOW_TO = "Drafted from plain text by ThemeGraph; nothing was loaded. Check every field against "
			+ "the text, fill what is under `missing`, settle `unresolved` and `ambiguous`, rename `generated` ids if you "
			+ "wish, then delete this `review` object and POST the document to /api/reports. The report schema does not "
			+ "allow `review`, so a draft that still has it is refused.";

	/**
	 * The most entries a draft lists under any one field (themes, analysts, cites, risks,
	 * unresolved names). A report has a handful of each; a text with thousands is not one
	 * report, and drafting them all made answers of a hundred megabytes from two of text.
	 */
	static final int MAX_ENTRIES = 100;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final FoldedText text;

	private final KnownNames names;

	private final ObjectNode review = NODES.objectNode();

	private final ArrayNode missing = NODES.arrayNode();

	private final ArrayNode check = NODES.arrayNode();

	private final ArrayNode unresolved = NODES.arrayNode();

	private final ArrayNode resolved = NODES.arrayNode();

	private final ArrayNode ambiguous = NODES.arrayNode();

	private final ArrayNode generated = NODES.arrayNode();

	private boolean unresolvedCapped;

	private DraftBuilder(String original, KnownNames names, Budget budget) {
		this.text = FoldedText.of(original, budget);
		this.names = names;
	}

	static ObjectNode build(String original, KnownNames names) {
		return build(original, names, Budget.unlimited());
	}

	/**
	 * The draft of {@code original}, every pass over the text counted against
	 * {@code budget}.
	 * @throws ExtractionStoppedException when the budget runs out or the extraction is
	 * cancelled
	 */
	static ObjectNode build(String original, KnownNames names, Budget budget) {
		return new DraftBuilder(original, names, budget).build();
	}

	private ObjectNode build() {
		var fields = new ReportFields(text);
		var draft = NODES.objectNode();
		draft.put("kind", "report");
		draft.set("review", review);
		var id = "draft-" + sha256(text.original()).substring(0, 12);
		draft.put("id", id);
		generated("/id", id, "made from the text's SHA-256; reports are usually named broker-year-month-subject");

		var title = fields.title();
		if (title == null) {
			missing("/title", "no line reads like the title");
		}
		else {
			draft.put("title", title.title());
			check("/title", "taken from " + title.how());
		}

		// Recognise once: every known name with its offsets, companies and entities
		// alike.
		var recognised = names.index().scan(text);
		var found = Mentions.find(text, recognised);
		var excluded = new HashSet<String>();
		broker(draft, fields, found, excluded);

		var rating = fields.rating();
		var industry = fields.industry(rating);
		if (industry == null) {
			missing("/industry", "no industry line above the rating");
		}
		else {
			draft.put("industry", industry);
			check("/industry", "taken from the line above the rating");
		}
		if (rating == null) {
			missing("/rating", "no rating such as 买入（维持） or 优于大市（维持） was found");
		}
		else {
			draft.put("rating", rating.rating());
			if (rating.action() != null) {
				draft.put("ratingAction", rating.action());
			}
			draft.put("ratingQuote", rating.quote());
		}
		var cites = capped(fields.cites(MAX_ENTRIES), "/cites", "cited reports");
		var published = fields.published();
		if (published != null) {
			draft.putObject("published")
				.put("earliest", published.date())
				.put("latest", published.date())
				.put("precision", "day")
				.put("note", "read from " + published.how() + ": " + published.quote());
			check("/published", "taken from " + published.how());
		}
		else
			missing("/published", "the text states no publication date in its header" + cites.stream()
				.map(ReportFields.Cited::date)
				.max(String::compareTo)
				.map(newest -> "; the newest report it cites is dated " + newest + ", so it appeared no earlier")
				.orElse(""));
		draft.put("language", fields.language());

		analysts(draft, id, excluded);
		var citesNode = draft.putArray("cites");
		for (var cited : cites) {
			citesNode.addObject().put("title", cited.title()).put("date", cited.date()).put("quote", cited.quote());
		}
		risks(draft, id, capped(fields.risks(MAX_ENTRIES), "/risks", "risks"));
		mentions(draft, title, found, excluded);
		themes(draft, id, found, recognised, excluded);
		if (draft.has("entities")) {
			draft.set("entities", draft.remove("entities"));
		}
		draft.put("text", text.original());

		review.put("howTo", HOW_TO);
		review.set("missing", missing);
		review.set("check", check);
		review.set("unresolved", unresolved);
		review.set("resolved", resolved);
		review.set("ambiguous", ambiguous);
		review.set("generated", generated);
		var candidates = review.putArray("candidates");
		for (var candidate : Candidates.find(text, recognised)) {
			candidates.addObject()
				.put("text", candidate.text())
				.put("quote", candidate.quote())
				.put("why", "named as a technology, product, work or organisation often is (Latin script or in "
						+ "quotation marks) and unknown to the graph: add it as an entity if it is one");
		}
		return draft;
	}

	/**
	 * The publisher named in the legal notice (本报告仅供...使用); failing that, the broker the
	 * text names most.
	 */
	private void broker(ObjectNode draft, ReportFields fields, List<Mentions.Found> found, Set<String> excluded) {
		var f = text.folded();
		int notice = f.indexOf("本报告仅供");
		if (notice >= 0) {
			for (int m = Mentions.firstFrom(found, notice); m < found.size()
					&& found.get(m).start() < notice + 30; m++) {
				var mention = found.get(m);
				text.budget().step();
				if (mention.start() >= notice && mention.start() < notice + 30
						&& mention.candidates().stream().anyMatch(k -> k.is("Organization"))) {
					var broker = mention.candidates()
						.stream()
						.filter(k -> k.is("Organization"))
						.findFirst()
						.orElseThrow();
					draft.put("broker", broker.id());
					draft.put("brokerQuote", Passages.passage(text, notice, mention.end()));
					excluded.add(broker.id());
					return;
				}
			}
		}
		var named = fields.broker();
		if (named != null) {
			String id = null;
			for (int m = Mentions.firstFrom(found, named.start()); m < found.size()
					&& found.get(m).start() <= named.end(); m++) {
				text.budget().step();
				id = found.get(m)
					.candidates()
					.stream()
					.filter(k -> k.is("Organization"))
					.map(Known::id)
					.findFirst()
					.orElse(id);
			}
			if (id == null) {
				// 德邦研究 names the firm the graph knows as 德邦证券.
				var firm = FoldedText.of(named.name(), text.budget());
				var known = names.mentionable().longestAt(firm, 0, firm.length());
				if (known != null && known.end() == firm.length()) {
					id = known.values()
						.stream()
						.filter(k -> k.is("Organization"))
						.map(Known::id)
						.findFirst()
						.orElse(null);
				}
			}
			if (id == null) {
				// A broker the graph does not know yet: drafted as a new organisation.
				id = "broker-" + sha256(named.name()).substring(0, 8);
				draft.withObject("entities")
					.withArray("organizations")
					.addObject()
					.put("id", id)
					.put("name", named.name())
					.put("type", "broker");
				generated("/broker", id, "\"" + named.name()
						+ "\" is not an organisation in the graph; defined under entities.organizations");
			}
			draft.put("broker", id);
			draft.put("brokerQuote", named.quote());
			excluded.add(id);
			check("/broker", "taken from \"" + named.quote() + "\"");
			return;
		}
		var counts = new LinkedHashMap<String, Integer>();
		text.budget().step(found.size());
		found.stream()
			.flatMap(m -> m.candidates().stream())
			.filter(Known::isBroker)
			.forEach(k -> counts.merge(k.id(), 1, Integer::sum));
		var most = counts.values().stream().max(Integer::compare).orElse(0);
		var top = counts.entrySet().stream().filter(e -> e.getValue().equals(most)).map(e -> e.getKey()).toList();
		if (top.size() == 1) {
			draft.put("broker", top.get(0));
			excluded.add(top.get(0));
			check("/broker",
					"no legal notice names the publisher; " + top.get(0) + " is the broker the text names most");
		}
		else {
			missing("/broker", top.isEmpty() ? "no broker known to the graph is named"
					: "brokers named equally often: " + String.join(", ", top));
		}
	}

	private void analysts(ObjectNode draft, String reportId, Set<String> excluded) {
		var found = capped(Analysts.find(text, names, MAX_ENTRIES), "/analysts", "analyst bylines");
		if (found.isEmpty()) {
			missing("/analysts", "no analyst byline (证券分析师 + name) was found");
			return;
		}
		var list = draft.putArray("analysts");
		for (int i = 0; i < found.size(); i++) {
			var analyst = found.get(i);
			var person = analyst.person();
			if (person == null) {
				person = analyst.sacCertificate() != null
						? "analyst-" + analyst.sacCertificate().toLowerCase(Locale.ROOT)
						: reportId + "-analyst-" + (i + 1);
				draft.withObject("entities")
					.withArray("people")
					.addObject()
					.put("id", person)
					.put("name", analyst.name());
				generated("/analysts/" + i + "/person", person,
						"\"" + analyst.name() + "\" is not a person in the graph; defined under entities.people");
			}
			excluded.add(person);
			var node = list.addObject().put("person", person).put("role", analyst.role());
			if (analyst.sacCertificate() != null) {
				node.put("sacCertificate", analyst.sacCertificate());
			}
			node.put("quote", analyst.quote());
		}
	}

	private void risks(ObjectNode draft, String reportId, List<ReportFields.Risk> risks) {
		var list = draft.putArray("risks");
		for (int i = 0; i < risks.size(); i++) {
			var risk = risks.get(i);
			var id = names.riskId(risk.key());
			if (id == null) {
				id = reportId + "-risk-" + (i + 1);
				generated("/risks/" + i + "/id", id, "no risk in the graph is called \"" + risk.name() + "\"");
			}
			list.addObject().put("id", id).put("name", risk.name()).put("quote", risk.quote());
		}
	}

	/**
	 * Entities named in the title are what the report is about; every entity named is a
	 * mention, quoted where first named.
	 */
	private void mentions(ObjectNode draft, ReportFields.Title title, List<Mentions.Found> found,
			Set<String> excluded) {
		var about = draft.putArray("about");
		var seen = new HashSet<String>();
		if (title != null) {
			for (int m = Mentions.firstFrom(found, title.start()); m < found.size()
					&& found.get(m).start() < title.end(); m++) {
				var mention = found.get(m);
				text.budget().step();
				if (mention.entity() != null && mention.end() <= title.end()
						&& !excluded.contains(mention.entity().id()) && seen.add(mention.entity().id())) {
					about.addObject()
						.put("entity", mention.entity().id())
						.put("quote", Passages.quote(text, title.start(), title.end()));
				}
			}
		}
		var mentions = draft.putArray("mentions");
		var ambiguities = new HashSet<String>();
		text.budget().step(found.size());
		for (var mention : found) {
			if (mention.ambiguous() && ambiguities.add(text.folded().substring(mention.start(), mention.end()))) {
				ambiguous(mention);
			}
		}
		for (var first : Mentions.firstOccurrences(found).values()) {
			if (!excluded.contains(first.entity().id())) {
				mentions.addObject()
					.put("entity", first.entity().id())
					.put("quote", Passages.passage(text, first.start(), first.end()));
			}
		}
	}

	private void ambiguous(Mentions.Found mention) {
		var node = ambiguous.addObject().put("text", text.originalOf(mention.start(), mention.end()));
		if (mention.entity() != null) {
			node.put("chosen", mention.entity().id());
		}
		var candidates = node.putArray("candidates");
		mention.candidates().forEach(k -> candidates.add(k.id() + " (" + String.join("/", k.kinds()) + ")"));
		node.put("quote", Passages.passage(text, mention.start(), mention.end()));
		node.put("why", mention.entity() == null ? "several entities of the same kind have this name: none was chosen"
				: "several entities have this name: the most specific kind was chosen (technology, product or work before "
						+ "organisation, organisation before person)");
	}

	private void themes(ObjectNode draft, String reportId, List<Mentions.Found> found,
			List<NameIndex.Occurrence> recognised, Set<String> excluded) {
		var themes = draft.putArray("themes");
		var bracketed = capped(Recommendations.find(text, names, MAX_ENTRIES), "/themes", "lists of companies");
		var budget = text.budget();
		var taken = new boolean[text.length()];
		for (var group : bracketed) {
			int close = text.folded().indexOf('】', group.listStart());
			budget.step(close < 0 ? 1 : close - group.listStart());
			for (int at = group.listStart(); at <= close && at < taken.length; at++) {
				taken[at] = true;
			}
		}
		var lists = new ArrayList<>(bracketed);
		lists.addAll(CompanyLists.find(text, names, taken));
		// Classify every company name recognised, then assemble: the layout readers'
		// lists
		// and the companies the dictionary found recommended that they missed.
		var roles = Roles.classify(text, recognised);
		var undecided = new ArrayList<Themes.Ambiguous>();
		var groups = capped(Themes.assemble(text, lists, roles, recognised, undecided), "/themes",
				"lists of companies");
		for (var name : undecided) {
			var node = ambiguous.addObject().put("text", name.text());
			name.candidates().forEach(node.withArray("candidates")::add);
			node.put("quote", name.quote()).put("why", name.why());
		}
		if (groups.isEmpty()) {
			check("/themes", "no list of companies follows a recommendation cue such as 建议关注, and no company is "
					+ "printed with its code");
		}
		for (int g = 0; g < groups.size(); g++) {
			var group = groups.get(g);
			int i = themes.size();
			var pointer = "/themes/" + i;
			if (group.companies().isEmpty()) {
				// A theme with no company would be refused on loading: the group's names
				// go under review instead.
				check("/themes", "the group "
						+ (group.name() == null ? "at \"" + group.listQuote() + "\"" : "\"" + group.name() + "\"")
						+ " names no company the graph knows; its names are under review.unresolved and no theme "
						+ "was drafted for it");
				for (var item : group.unresolved()) {
					unresolved("/themes", group.name(), item, group.listQuote());
				}
				continue;
			}
			var name = group.name();
			if (name == null) {
				name = "group " + (i + 1);
				check(pointer + "/name", "no heading precedes the list; name the group");
			}
			var id = names.themeId(FoldedText.key(name));
			if (id == null) {
				id = reportId + "-group-" + (i + 1);
				generated(pointer + "/id", id, "no theme in the graph is called \"" + name + "\"");
			}
			var theme = themes.addObject()
				.put("id", id)
				.put("name", name)
				.put("quote", group.headingQuote() != null ? group.headingQuote() : group.listQuote());
			var about = theme.putArray("about");
			var seen = new HashSet<String>();
			// Only the mentions in this group's own stretch of text: walking them all for
			// every group was quadratic.
			for (int m = Mentions.firstFrom(found, group.segmentStart()); m < found.size()
					&& found.get(m).start() < group.listStart(); m++) {
				budget.step();
				var mention = found.get(m);
				if (mention.entity() != null && mention.end() <= group.listStart()
						&& !excluded.contains(mention.entity().id()) && seen.add(mention.entity().id())) {
					about.addObject()
						.put("entity", mention.entity().id())
						.put("quote", Passages.passage(text, mention.start(), mention.end()));
				}
			}
			var companies = theme.putArray("companies");
			for (var company : group.companies()) {
				companies.addObject()
					.put("code", company.code())
					.put("name", company.name())
					.put("quote", company.quote());
				// Which entity file or directory the name was found in, for the reviewer
				// to weigh (a curated file, or a bulk listing).
				resolved.addObject()
					.put("field", pointer + "/companies")
					.put("code", company.code())
					.put("name", company.name())
					.put("source", company.source());
			}
			for (var item : group.unresolved()) {
				unresolved(pointer + "/companies", null, item, group.listQuote());
			}
		}
	}

	/**
	 * Lists a name no company was found for, up to {@link #MAX_ENTRIES}, saying under
	 * {@code check} once when there are more.
	 */
	private void unresolved(String field, String group, Recommendations.Unresolved item, String quote) {
		if (unresolved.size() >= MAX_ENTRIES) {
			if (!unresolvedCapped) {
				check("/review/unresolved",
						"more than " + MAX_ENTRIES + " names in the lists resolve to no company; only the first "
								+ MAX_ENTRIES
								+ " are listed. A report has far fewer: check that this text is one report");
				unresolvedCapped = true;
			}
			return;
		}
		var node = unresolved.addObject().put("field", field);
		if (group != null) {
			node.put("group", group);
		}
		node.put("text", item.text()).put("why", item.why()).put("quote", quote);
	}

	/**
	 * The first {@link #MAX_ENTRIES} of {@code found}, saying under {@code check} when
	 * there were more.
	 */
	private <T> List<T> capped(List<T> found, String field, String what) {
		if (found.size() <= MAX_ENTRIES) {
			return found;
		}
		check(field, "the text has more than " + MAX_ENTRIES + " " + what + "; only the first " + MAX_ENTRIES
				+ " are drafted. A report has far fewer: check that this text is one report");
		return found.subList(0, MAX_ENTRIES);
	}

	private void missing(String field, String why) {
		missing.addObject().put("field", field).put("why", why);
	}

	private void check(String field, String why) {
		check.addObject().put("field", field).put("why", why);
	}

	private void generated(String field, String value, String why) {
		generated.addObject().put("field", field).put("value", value).put("why", why);
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
