package com.themegraph.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;
import com.themegraph.extract.KnownNames.Known;
import com.themegraph.extract.Recommendations.Company;
import com.themegraph.extract.Recommendations.Group;
import com.themegraph.extract.Recommendations.Unresolved;
import com.themegraph.graph.StockCode;

/**
 * The recommended companies real reports print outside 【...】 lists: items after a
 * recommendation cue up to the end of the sentence ({@code 建议关注腾讯、网易等。}), names with a
 * printed code (covered-company tables, a company report's title), and rows of a table of
 * covered companies (a name then figures). Every item keeps to itself: a printed code
 * resolves only the item it is printed after, and items are never joined across a
 * separator. The vocabularies below (cues, sector words, words no short name holds) are
 * read from how Chinese sell-side reports write; no library carries them.
 */
final class CompanyLists {

	/** Longest cue first, so that 建议关注 is one cue and not 关注 after 建议. */
	static final Pattern CUE = Pattern.compile("建议(?:积极|重点|持续|继续)?关注|重点关注|推荐关注|积极关注|持续关注|关注标的|重点推荐|首要推荐|首推"
			+ "|受益标的|相关标的|推荐标的|投资组合|重点跟踪|主线标的|标的(?=:|如)|受益公司(?=:)|相关公司(?=:)|推荐|关注");

	/** A cue these words precede states a rating, not a list (维持推荐, 保持板块推荐). */
	static final List<String> RATING_BEFORE_CUE = List.of("维持", "给予", "保持", "上调", "下调", "首次", "板块", "行业");

	/** The weak cue: only a list of two or more clean names after it counts. */
	static final String WEAK_CUE = "关注";

	private static final String TERMINATORS = "。;!?【】《》\"“”";

	private static final String SEPARATORS = "、,/";

	private static final List<String> LEADING = List.of("例如", "比如", "包括", "以及", "如", "及", "和", "或", "即");

	/** After 等: the list was of sectors (等机会, 等板块), not companies. */
	private static final List<String> SECTOR_AFTER_ETC = List.of("机会", "方向", "板块", "领域", "赛道", "环节", "行业", "题材", "主线",
			"业务", "细分", "概念", "产品", "应用", "技术", "场景", "品类", "内容", "政策", "因素");

	/** After 等: still companies (等公司, 等标的). */
	private static final List<String> COMPANIES_AFTER_ETC = List.of("公司", "标的", "个股", "龙头", "企业", "厂商");

	/** An item holding one of these is a phrase of prose or a category, not a name. */
	private static final List<String> NOT_IN_NAME = List.of("的", "我们", "认为", "有望", "预计", "可能", "已", "将", "是", "在", "为",
			"对", "从", "被", "也", "都", "就", "其", "于", "并", "但", "到", "会", "能", "仍", "更", "较", "很", "最", "公司", "标的", "个股",
			"板块", "行业", "方向", "机会", "赛道", "领域", "环节", "产业链", "龙头", "主线", "媒体", "平台", "概念", "题材", "细分", "业务", "技术", "模型",
			"产品", "市场", "指数", "股票", "资产", "估值", "业绩", "周期", "政策", "需求", "增长", "投资", "配置", "建议", "关注", "推荐", "受益", "相关",
			"弹性", "催化", "落地", "分红", "回购", "方面", "资料来源", "数据");

	/** An item holding one of these names a category of companies (社交媒体, 游戏板块). */
	private static final List<String> CATEGORIES = List.of("板块", "行业", "方向", "赛道", "领域", "环节", "媒体", "平台", "概念", "题材",
			"细分", "产业链");

	/**
	 * An item that is exactly one of these is a sector (AI、出版、电影、游戏), not a company.
	 */
	private static final Set<String> SECTORS = Set.of("ai", "aigc", "ip", "xr", "vr", "ar", "游戏", "影视", "电影", "出版",
			"广告", "营销", "传媒", "互联网", "教育", "电商", "短剧", "音乐", "动漫", "院线", "直播", "视频", "算力", "文化", "体育", "旅游", "社交", "电子",
			"计算机", "通信", "医药", "消费", "汽车", "科技", "半导体", "港股", "a股", "美股", "港美股", "长视频", "短视频", "潮玩", "阅读", "数据", "应用",
			"本地生活", "云计算", "软件", "硬件", "芯片", "机器人", "元宇宙", "网络", "广电", "游戏板块");

	private static final List<String> RATINGS = List.of("买入", "增持", "中性", "减持", "卖出", "推荐", "谨慎推荐", "强烈推荐", "持有",
			"优于大市", "强于大市", "同步大市", "看好");

	/** Headings over a table of covered companies. */
	static final Pattern TABLE_HEADING = Pattern.compile("重点股票|重点公司|股票名称|公司名称|证券简称|公司简称|盈利预测与估值|重点推荐|推荐标的|覆盖公司");

	private static final String TABLE_END = "资料来源";

	/** How far a covered-company table reaches after its heading, in folded chars. */
	static final int TABLE_REACH = 1_500;

	/** A code as printed after a name; the exchange letters after a space. */
	static final Pattern CODE = Pattern
		.compile("\\d{6}\\.(?:sz|sh|bj)|\\d{4,5}\\.hk|\\d{6}(?:ch|cn)|\\d{4,5}hk|[a-z]{1,5}us|\\d{6}");

	static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d*)?%?");

	/** The longest name an item may hold, in folded chars (英文名 in brackets included). */
	static final int MAX_NAME = 16;

	private static final int MAX_HAN = 8;

	private static final int MAX_LIST = 600;

	/**
	 * A market label heading a part of a list after a cue (建议关注：港股：...；A股：...), in folded
	 * text; issue 11 lists these labels. The label names the part, not a company.
	 */
	private static final Pattern MARKET = Pattern
		.compile("[:*\\s]*((?:港股海外公司|港股通|港股|a\\s?股|h\\s?股|美股|中概股|海外公司|海外))\\s*:");

	private final FoldedText text;

	private final String f;

	private final KnownNames names;

	private final boolean[] cited;

	private final boolean[] taken;

	private CompanyLists(FoldedText text, KnownNames names, boolean[] taken) {
		this.text = text;
		this.f = text.folded();
		this.names = names;
		this.taken = taken;
		this.cited = cited();
	}

	/**
	 * The groups these layouts give, in text order: lists after cues, then names with a
	 * printed code, then table rows. {@code taken} marks the folded chars the 【...】 lists
	 * already read; nothing there is read again.
	 */
	static List<Group> find(FoldedText text, KnownNames names, boolean[] taken) {
		var lists = new CompanyLists(text, names, taken);
		var groups = new ArrayList<Group>();
		var seen = new HashSet<String>();
		groups.addAll(lists.cueLists(seen));
		var coded = lists.codedNames(seen);
		if (coded != null) {
			groups.add(coded);
		}
		var table = lists.tableRows(seen);
		if (table != null) {
			groups.add(table);
		}
		return groups;
	}

	/** Which folded chars lie inside a cited title 《...》: a cue there is not ours. */
	private boolean[] cited() {
		var inside = new boolean[f.length()];
		int open = -1;
		text.budget().step(f.length());
		for (int i = 0; i < f.length(); i++) {
			char c = f.charAt(i);
			if (c == '《') {
				open = i;
			}
			else if (c == '》' && open >= 0 && i - open <= 150) {
				for (int j = open; j <= i; j++) {
					inside[j] = true;
				}
				open = -1;
			}
		}
		return inside;
	}

	private record Item(int start, int end, int codeStart, int codeEnd) {
	}

	private List<Group> cueLists(Set<String> seen) {
		var groups = new ArrayList<Group>();
		var m = CUE.matcher(text.metered());
		int from = 0;
		while (from < f.length() && m.find(from)) {
			int cueStart = m.start();
			int cueEnd = m.end();
			from = cueEnd;
			if (cited[cueStart] || taken[cueStart] || ratingBefore(cueStart)) {
				continue;
			}
			boolean weak = m.group().equals(WEAK_CUE);
			var items = new ArrayList<Item>();
			int end = listItems(cueEnd, weak, items);
			// The next cue may stand inside this list's last item (个股,建议关注腾讯...).
			if (items.isEmpty() || weak && items.size() < 2) {
				continue;
			}
			var heading = heading(cueStart);
			var market = market(cueEnd);
			if (market == null) {
				groups.add(group(heading, cueStart, end, items, seen, false));
			}
			else {
				// Each market label starts a part of its own; ; between parts does not
				// end
				// the cue's reach.
				int partStart = cueStart;
				while (true) {
					if (!items.isEmpty()) {
						groups.add(group(heading == null ? market[0] : heading + " " + market[0], partStart, end, items,
								seen, false));
					}
					if (end >= f.length() || f.charAt(end) != ';' || (market = market(end + 1)) == null) {
						break;
					}
					partStart = end + 1;
					items = new ArrayList<Item>();
					end = listItems(Integer.parseInt(market[1]), weak, items);
				}
			}
			for (int at = cueStart; at < end && at < taken.length; at++) {
				// Read once: a code printed in this list is not a table row too.
				taken[at] = true;
			}
		}
		// 我们对美团维持推荐: the company a rating is stated for.
		return groups;
	}

	/** The market label at {@code at} and where its list starts, or null if none. */
	private String[] market(int at) {
		var m = MARKET.matcher(f).region(Math.min(at, f.length()), f.length());
		if (!m.lookingAt()) {
			return null;
		}
		return new String[] { Passages.clean(text.originalOf(m.start(1), m.end(1))), Integer.toString(m.end()) };
	}

	private boolean ratingBefore(int cueStart) {
		for (var word : RATING_BEFORE_CUE) {
			text.budget().step();
			if (cueStart >= word.length() && f.startsWith(word, cueStart - word.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads the items after a cue into {@code items} and answers where the list ends. A
	 * colon makes what came before it a heading; an item of prose ends the list; a
	 * category (基本面改善个股) is passed over.
	 */
	private int listItems(int at, boolean weak, List<Item> items) {
		var budget = text.budget();
		int limit = Math.min(f.length(), at + MAX_LIST);
		while (at < limit && ":*".indexOf(f.charAt(at)) >= 0) {
			at++;
		}
		int start = at;
		int codeStart = -1;
		int codeEnd = -1;
		for (int i = at; i <= limit; i++) {
			budget.step();
			boolean atEnd = i == limit || TERMINATORS.indexOf(f.charAt(i)) >= 0
					|| i > start && text.gapBefore(i) == Gap.PARAGRAPH;
			char c = atEnd ? 0 : f.charAt(i);
			if (c == '(') {
				int close = f.indexOf(')', i);
				if (close > i && close - i <= 80) {
					var inside = f.substring(i + 1, close);
					if (CODE.matcher(inside).matches()) {
						codeStart = i + 1;
						codeEnd = close;
					}
					else if (i == start || !inside.chars().allMatch(ch -> ch < 0x80)) {
						// A remark in brackets belongs to the item before it, and is
						// not part of its name.
						var item = new Item(start, i, codeStart, codeEnd);
						var verdict = judge(item, weak);
						if (verdict == Verdict.NAME) {
							items.add(trimmed(item));
						}
						else if (verdict == Verdict.PROSE) {
							return i;
						}
						start = close + 1;
						codeStart = -1;
						i = close;
						continue;
					}
					i = close;
					continue;
				}
			}
			boolean separator = !atEnd
					&& (SEPARATORS.indexOf(c) >= 0 || c == ':' || c == '等' || text.gapBefore(i) == Gap.SPACE
							&& i - start >= 2 && i + 1 < f.length() && text.gapBefore(i + 1) == Gap.NONE);
			if (!atEnd && !separator) {
				continue;
			}
			var item = new Item(start, i, codeStart, codeEnd);
			codeStart = -1;
			if (c == ':') {
				// What came before the colon named the group: the list starts after it.
				items.clear();
				start = i + 1;
				continue;
			}
			if (i > start) {
				var verdict = judge(item, weak);
				if (verdict == Verdict.NAME) {
					items.add(trimmed(item));
				}
				else if (verdict == Verdict.PROSE) {
					return i;
				}
			}
			if (c == '等') {
				for (var sector : SECTOR_AFTER_ETC) {
					if (f.startsWith(sector, i + 1)) {
						items.clear();
						return i;
					}
				}
				return i;
			}
			if (atEnd) {
				return i;
			}
			start = SEPARATORS.indexOf(c) >= 0 ? i + 1 : i;
		}
		return limit;
	}

	private enum Verdict {

		NAME, SKIP, PROSE

	}

	private Verdict judge(Item item, boolean weak) {
		var key = key(item);
		if (key.isEmpty()) {
			return Verdict.SKIP;
		}
		if (!names.companies(key).isEmpty() || looksLikeName(key)) {
			return Verdict.NAME;
		}
		if (CUE.matcher(key).find() && !key.endsWith("标的") && !key.endsWith("个股")) {
			return Verdict.PROSE;
		}
		for (var generic : COMPANIES_AFTER_ETC) {
			if (key.endsWith(generic)) {
				return Verdict.SKIP;
			}
		}
		if (SECTORS.contains(key) || key.length() <= 8 && CATEGORIES.stream().anyMatch(key::contains)) {
			return Verdict.SKIP;
		}
		return weak ? Verdict.PROSE : salvage(item) != null ? Verdict.NAME : Verdict.PROSE;
	}

	/**
	 * 强出海的神州泰岳 or 阅文的IP衍生品业务: the name beside a 的 when the rest is a remark.
	 */
	private Item salvage(Item item) {
		var t = strip(item);
		int of = f.indexOf('的', t.start());
		if (of < 0 || of >= t.end()) {
			return null;
		}
		var after = new Item(of + 1, t.end(), -1, -1);
		if (f.indexOf('的', of + 1) < 0 || f.indexOf('的', of + 1) >= t.end()) {
			if (looksLikeName(key(after)) && t.end() - of - 1 <= 6) {
				return after;
			}
		}
		var before = new Item(t.start(), of, -1, -1);
		return of - t.start() <= 4 && looksLikeName(key(before)) ? before : null;
	}

	private Item trimmed(Item item) {
		var t = strip(item);
		int start = t.start();
		int end = t.end();
		if (end - start > 2 && f.indexOf('的', start) >= 0 && f.indexOf('的', start) < end
				&& !looksLikeName(f.substring(start, end))) {
			var salvaged = salvage(t);
			if (salvaged != null) {
				return new Item(salvaged.start(), salvaged.end(), item.codeStart(), item.codeEnd());
			}
		}
		return t;
	}

	/** The item without quotes, bold markers and a leading 如 or 以及. */
	private Item strip(Item item) {
		int start = item.start();
		int end = item.end();
		boolean changed = true;
		while (changed) {
			changed = false;
			while (start < end && "*【】\"“”'‘’".indexOf(f.charAt(start)) >= 0 && !f.startsWith("*st", start)) {
				start++;
				changed = true;
			}
			while (end > start && "*【】\"“”'‘’".indexOf(f.charAt(end - 1)) >= 0) {
				end--;
				changed = true;
			}
			for (var lead : LEADING) {
				if (f.startsWith(lead, start) && end - start > lead.length() + 1
						&& names.companies(f.substring(start, end)).isEmpty()) {
					start += lead.length();
					changed = true;
				}
			}
		}
		return new Item(start, end, item.codeStart(), item.codeEnd());
	}

	private String key(Item item) {
		var t = trimmedBounds(item);
		return t;
	}

	private String trimmedBounds(Item item) {
		int start = item.start();
		int end = item.end();
		while (start < end && "*【】\"“”'‘’".indexOf(f.charAt(start)) >= 0 && !f.startsWith("*st", start)) {
			start++;
		}
		while (end > start && "*【】\"“”'‘’".indexOf(f.charAt(end - 1)) >= 0) {
			end--;
		}
		var key = f.substring(start, end);
		for (var lead : LEADING) {
			if (key.startsWith(lead) && key.length() > lead.length() + 1 && names.companies(key).isEmpty()) {
				key = key.substring(lead.length());
				break;
			}
		}
		return key;
	}

	/**
	 * A listed company's short name as reports print it: up to eight Chinese characters,
	 * letters, an English name in brackets, -SW/-W/-S/-B after it or (*)ST before it; no
	 * word of prose or of a category, not a sector on its own.
	 */
	static boolean looksLikeName(String key) {
		var core = bare(key);
		if (core.length() < 2 || key.length() > MAX_NAME || SECTORS.contains(core)) {
			return false;
		}
		int han = 0;
		int letters = 0;
		for (int i = 0; i < core.length(); i++) {
			char c = core.charAt(i);
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				han++;
			}
			else if (c >= 'a' && c <= 'z') {
				letters++;
			}
			else if ("·&()-.".indexOf(c) < 0 && !(c >= '0' && c <= '9')) {
				return false;
			}
		}
		if (han > MAX_HAN || han == 0 && letters < 2 || han == 1 && letters == 0 || Character.isDigit(core.charAt(0))
				|| core.indexOf(')') >= 0 && core.indexOf(')') < core.indexOf('(') + 2) {
			return false;
		}
		if (RATINGS.contains(core)) {
			return false;
		}
		for (var word : NOT_IN_NAME) {
			if (core.contains(word)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The name without the market's tags: -SW, -W, -S, -B, -U after it, (*)ST before it.
	 */
	static String bare(String key) {
		var core = key.replaceFirst("^\\*?st", "").replaceFirst("-(sw|w|s|b|u|r)$", "");
		return core.isEmpty() ? key : core;
	}

	/** The clause before a cue: the group's heading. */
	private String heading(int cueStart) {
		int start = cueStart;
		while (start > 0 && start > cueStart - 80 && "。;!?】\n".indexOf(f.charAt(start - 1)) < 0
				&& text.gapBefore(start) != Gap.PARAGRAPH) {
			start--;
		}
		var clause = Passages.clean(text.originalOf(start, cueStart))
			.replaceFirst("^\\s*[(（]?\\d{1,2}[)）、.]\\s*", "")
			.replaceAll("[,，:：*\\s]+$", "")
			.replaceFirst("^(我们认为|同时|此外|建议)", "");
		return clause.isBlank() ? null : clause;
	}

	private Group group(String heading, int start, int end, List<Item> items, Set<String> seen, boolean distinct) {
		var companies = new ArrayList<Company>();
		var unresolved = new ArrayList<Unresolved>();
		var codes = new HashSet<String>();
		for (var item : items) {
			int nameEnd = item.end();
			if (item.codeStart() > item.start() && item.codeStart() <= item.end()) {
				// The printed code is the item's own, not part of its name.
				nameEnd = f.charAt(item.codeStart() - 1) == '(' ? item.codeStart() - 1 : item.codeStart();
			}
			if (nameEnd - item.start() < 2) {
				continue;
			}
			var name = Passages.clean(text.originalOf(item.start(), nameEnd));
			if (f.startsWith("*st", item.start()) && !name.startsWith("*")) {
				// Passages.clean drops bold markers; this star is the market's (*ST).
				name = "*" + name;
			}
			var key = f.substring(item.start(), nameEnd);
			if (distinct && !seen.add(FoldedText.key(bare(key)))) {
				continue;
			}
			resolve(key, name, item.codeStart() < 0 ? null : f.substring(item.codeStart(), item.codeEnd()), companies,
					unresolved, codes);
		}
		var quote = Passages.quote(text, start, Math.min(end, f.length()));
		return new Group(heading, heading == null ? null : quote, quote, start, start, end, List.copyOf(companies),
				List.copyOf(unresolved));
	}

	/**
	 * Resolves one item by its name and, when one is printed after it, its code; a name
	 * and a code that name two companies is an ambiguity a person must settle.
	 */
	private void resolve(String key, String name, String printedCode, List<Company> companies,
			List<Unresolved> unresolved, Set<String> codes) {
		Set<Known> byName = names.companies(key);
		if (byName.isEmpty()) {
			byName = names.companies(bare(key));
		}
		var code = printedCode == null ? null : StockCode.tryParse(printedCode).map(StockCode::canonical).orElse(null);
		var byCode = code == null ? null : names.company(code);
		Known chosen = null;
		String why = null;
		if (byName.size() == 1) {
			var known = byName.iterator().next();
			if (code == null || code.equals(known.id())) {
				chosen = known;
			}
			else {
				why = "ambiguous: the name is " + known.id() + " (" + known.name()
						+ ") in the graph, but the printed code " + printedCode.toUpperCase(java.util.Locale.ROOT)
						+ (byCode == null ? " is no company in the graph"
								: " is " + byCode.id() + " (" + byCode.name() + ")")
						+ "; candidates: " + known.id() + (byCode == null ? "" : ", " + byCode.id());
			}
		}
		else if (byName.size() > 1) {
			chosen = byName.stream().filter(k -> k.id().equals(code)).findFirst().orElse(null);
			if (chosen == null) {
				why = "names " + byName.size() + " listed companies: "
						+ String.join(", ", byName.stream().map(Known::id).sorted().toList());
			}
		}
		else if (byCode != null) {
			chosen = byCode;
		}
		else {
			why = "no listed company in the graph has this name or alias" + (printedCode == null ? ""
					: "; the printed code is " + printedCode.toUpperCase(java.util.Locale.ROOT));
		}
		if (chosen != null) {
			if (codes.add(chosen.id())) {
				companies.add(new Company(chosen.id(), name, chosen.source()));
			}
		}
		else {
			unresolved.add(new Unresolved(name, why));
		}
	}

	/**
	 * Names with a code printed right after them (芒果超媒 300413.SZ, 美图公司(01357.HK), 沪电股份
	 * 002463 CH, 微软(Microsoft) MSFT US): rows of covered-company tables and the title of
	 * a company report.
	 */
	private Group codedNames(Set<String> seen) {
		var items = new ArrayList<Item>();
		var m = CODE.matcher(text.metered());
		int from = 0;
		int first = -1;
		int last = -1;
		while (from < f.length() && m.find(from)) {
			from = m.end();
			int start = m.start();
			int end = m.end();
			if (cited[start] || taken[start] || !codeBounded(start, end, m.group())) {
				continue;
			}
			int nameEnd = start > 0 && f.charAt(start - 1) == '(' ? start - 1 : start;
			if (nameEnd == start && text.gapBefore(start) == Gap.NONE && m.group().length() == 6) {
				// A bare six-digit number run into a word is a figure, not a code.
				continue;
			}
			if (m.group().length() == 6 && nameEnd == start && !followedByFigure(end)) {
				continue;
			}
			int nameStart = nameStart(nameEnd);
			if (nameStart < 0) {
				continue;
			}
			var item = new Item(nameStart, nameEnd, start, end);
			if (!looksLikeName(f.substring(nameStart, nameEnd))
					&& names.companies(bare(f.substring(nameStart, nameEnd))).isEmpty()) {
				continue;
			}
			items.add(item);
			first = first < 0 ? nameStart : first;
			last = end;
		}
		if (items.isEmpty()) {
			return null;
		}
		var group = group(tableTitle(first), first, last, items, seen, true);
		return group.companies().isEmpty() && group.unresolved().isEmpty() ? null : group;
	}

	private boolean codeBounded(int start, int end, String code) {
		if (start > 0 && text.gapBefore(start) == Gap.NONE && Character.isLetterOrDigit(f.charAt(start - 1))
				&& Character.UnicodeScript.of(f.charAt(start - 1)) != Character.UnicodeScript.HAN) {
			return false;
		}
		if (end < f.length() && text.gapBefore(end) == Gap.NONE
				&& (Character.isLetterOrDigit(f.charAt(end))
						&& Character.UnicodeScript.of(f.charAt(end)) != Character.UnicodeScript.HAN
						|| f.charAt(end) == '.')) {
			return false;
		}
		if (code.endsWith("ch") || code.endsWith("cn") || code.endsWith("us")
				|| code.endsWith("hk") && !code.contains(".")) {
			// The exchange letters stand apart: 002463 CH, MSFT US.
			return text.gapBefore(end - 2) == Gap.SPACE;
		}
		return true;
	}

	private boolean followedByFigure(int end) {
		return end < f.length() && (f.charAt(end) == ')' || text.gapBefore(end) != Gap.NONE && figures(end, 1));
	}

	/**
	 * Where the name before {@code end} starts: back over a name's chars and an English
	 * name in brackets, not across a space unless the letters are spaced one by one (美 图
	 * 公 司); -1 when there is none.
	 */
	private int nameStart(int end) {
		int start = end;
		while (start > 0 && end - start < MAX_NAME) {
			text.budget().step();
			char c = f.charAt(start - 1);
			if (c == ')' && start - 2 >= 0) {
				int open = f.lastIndexOf('(', start - 1);
				if (open >= 0 && start - open <= 14 && f.substring(open + 1, start - 1).matches("[a-z .&-]+")) {
					start = open;
					continue;
				}
				break;
			}
			if (!(Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c >= 'a' && c <= 'z'
					|| "*-·&".indexOf(c) >= 0)) {
				break;
			}
			if (start < end && text.gapBefore(start) != Gap.NONE) {
				// 美 图 公 司: one letter after the gap, so the gap is letter spacing.
				boolean spacedLetters = text.gapBefore(start) == Gap.SPACE
						&& (start + 1 >= end || text.gapBefore(start + 1) != Gap.NONE);
				if (!spacedLetters) {
					break;
				}
			}
			start--;
		}
		return end - start >= 2 ? start : -1;
	}

	/** The table title above {@code at} (表1: ...), if one is near. */
	private String tableTitle(int at) {
		var heading = TABLE_HEADING.matcher(text.metered()).region(Math.max(0, at - 400), at);
		String found = null;
		while (heading.find()) {
			found = Passages.clean(text.originalOf(heading.start(), heading.end()));
		}
		return found;
	}

	/**
	 * Rows of a covered-company table without codes: under a heading such as 重点股票, a name
	 * standing alone followed by two figures (分众传媒 0.33 20.97 ...), until 资料来源.
	 */
	private Group tableRows(Set<String> seen) {
		var heading = TABLE_HEADING.matcher(text.metered());
		var items = new ArrayList<Item>();
		int first = -1;
		int last = -1;
		int from = 0;
		while (from < f.length() && heading.find(from)) {
			int zoneEnd = f.indexOf(TABLE_END, heading.end());
			zoneEnd = zoneEnd < 0 ? Math.min(f.length(), heading.end() + TABLE_REACH)
					: Math.min(zoneEnd, heading.end() + TABLE_REACH);
			from = Math.max(heading.end(), zoneEnd);
			for (int i = heading.end(); i < zoneEnd; i++) {
				text.budget().step();
				if (taken[i] || text.gapBefore(i) == Gap.NONE && i > 0
						&& Character.UnicodeScript.of(f.charAt(i - 1)) == Character.UnicodeScript.HAN) {
					continue;
				}
				int end = i;
				while (end < zoneEnd && end - i < MAX_NAME
						&& (Character.UnicodeScript.of(f.charAt(end)) == Character.UnicodeScript.HAN
								|| "*-".indexOf(f.charAt(end)) >= 0
								|| end > i && f.charAt(end) >= 'a' && f.charAt(end) <= 'z')
						&& (end == i || text.gapBefore(end) == Gap.NONE)) {
					end++;
				}
				if (end - i < 2 || end >= zoneEnd || text.gapBefore(end) != Gap.SPACE || !figures(end, 2)) {
					continue;
				}
				var key = f.substring(i, end);
				if (looksLikeName(key) || !names.companies(bare(key)).isEmpty()) {
					items.add(new Item(i, end, -1, -1));
					first = first < 0 ? i : first;
					last = end;
				}
				i = end;
			}
		}
		if (items.isEmpty()) {
			return null;
		}
		var group = group(tableTitle(first), first, last, items, seen, true);
		return group.companies().isEmpty() && group.unresolved().isEmpty() ? null : group;
	}

	/** Whether {@code count} figures, each standing apart, follow {@code at}. */
	private boolean figures(int at, int count) {
		int i = at;
		for (int n = 0; n < count; n++) {
			int end = tokenEnd(i);
			if (end == i || !NUMBER.matcher(f.substring(i, end)).matches()) {
				return false;
			}
			i = end;
		}
		return true;
	}

	/** Where the token at {@code at} ends: at the next white space the text had. */
	private int tokenEnd(int at) {
		int end = at;
		while (end < f.length() && end - at < 20 && (end == at || text.gapBefore(end) == Gap.NONE)) {
			text.budget().step();
			end++;
		}
		return end;
	}

}
