package com.themegraph.ingest;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.TextFolding;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listed-company directory refresh: the listing files analysts export
 * ({@link DirectoryFiles} reads their layouts) merged into the companies of one source,
 * by default {@value DirectorySnapshot#SOURCE}, the shipped snapshot's. A company is
 * restated whole: a new short name replaces the old one, which becomes a former name
 * until the file's as-of date; its aliases, short forms, other listings and history stay.
 * A Tushare {@code namechange} file adds former names (with the day each stopped) to the
 * source's companies. Companies another source defined (the curated entity files, a
 * report) are left as they are, and counted.
 */
@Service
public class CompanyDirectory {

	/** The directory layouts this reads. */
	public enum Layout {

		AKSHARE, TUSHARE, HKEX, NAMECHANGE

	}

	/**
	 * What an import did: companies added, updated (the source's own, renamed or given
	 * new names or history), unchanged, and left to the source that defined them; lines
	 * skipped, each with its reason.
	 */
	public record Imported(Layout layout, int added, int updated, int unchanged, int otherSources,
			List<String> skipped) {
	}

	static final String ACCEPTED = DirectoryFiles.ACCEPTED;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final DocumentLoader loader;

	private final CypherQueries cypher;

	private final JsonMapper json;

	CompanyDirectory(DocumentLoader loader, CypherQueries cypher, JsonMapper json) {
		this.loader = loader;
		this.cypher = cypher;
		this.json = json;
	}

	/**
	 * Reads a directory file and adds or updates its companies, all in one transaction
	 * (as an entity file of source {@code source}, so the same file again writes
	 * nothing).
	 * @param fileName the file's name, for messages, to tell files of one source apart,
	 * and kept as each listing's source
	 * @param source the source the companies belong to ({@value DirectorySnapshot#SOURCE}
	 * refreshes the shipped snapshot)
	 * @param asOf the date the list was exported, YYYY-MM-DD: a replaced short name is a
	 * former name until this day
	 * @throws IllegalArgumentException when the header is none of the layouts, or
	 * {@code asOf} is no calendar date
	 * @throws InvalidDocumentException when the companies fail the entity file checks
	 */
	@Transactional
	public Imported importFile(Reader reader, String fileName, String source, String asOf) {
		if (!DATE.matcher(asOf).matches() || DirectoryFiles.date(asOf) == null) {
			throw new IllegalArgumentException("--as-of must be a date, YYYY-MM-DD: \"" + asOf + "\"");
		}
		var read = DirectoryFiles.read(reader);
		var existing = new HashMap<String, Map<String, Object>>();
		cypher.query("ingest-directory-existing")
			.bind(read.listings().stream().map(DirectoryFiles.Listing::code).distinct().toList())
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> existing.put((String) row.get("code"), row));
		var layout = Layout.valueOf(read.layout().name());
		var document = json.createObjectNode().put("kind", "entities").put("source", source);
		var companies = document.putArray("companies");
		var counts = new int[4];
		var byCode = new LinkedHashMap<String, List<DirectoryFiles.Listing>>();
		read.listings().forEach(row -> byCode.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(row));
		var skipped = new ArrayList<>(read.skipped());
		byCode.forEach((code, rows) -> {
			var before = existing.get(code);
			if (before != null && !source.equals(before.get("owner"))) {
				counts[3]++;
				return;
			}
			if (layout == Layout.NAMECHANGE && before == null) {
				skipped.add(code + ": no company of " + source + " has this code; its names are not kept");
				return;
			}
			var company = layout == Layout.NAMECHANGE ? history(code, rows, before)
					: listing(rows.get(0), before, fileName, asOf);
			companies.add(company);
			counts[before == null ? 0 : same(company, before) ? 2 : 1]++;
		});
		loader.load(document, fileName);
		return new Imported(layout, counts[0], counts[1], counts[2], counts[3], List.copyOf(skipped));
	}

	/**
	 * The company as the file lists it, restating what the graph holds of it: an old
	 * short name that is not the new one (market tags aside) becomes a former name.
	 */
	private ObjectNode listing(DirectoryFiles.Listing row, Map<String, Object> before, String fileName, String asOf) {
		var company = base(row.code(), row.name(), before);
		var nameEn = row.nameEn() != null ? row.nameEn() : before == null ? null : (String) before.get("nameEn");
		var fullName = row.fullName() != null ? row.fullName()
				: before == null ? null : (String) before.get("fullName");
		if (nameEn != null) {
			company.put("nameEn", nameEn);
		}
		if (fullName != null) {
			company.put("fullName", fullName);
		}
		company.putObject("listing").put("source", fileName).put("asOf", asOf).put("status", "listed");
		var former = formerNames(before);
		var old = before == null ? null : (String) before.get("name");
		if (old != null && !TextFolding.companyKey(TextFolding.fold(old))
			.equals(TextFolding.companyKey(TextFolding.fold(row.name())))) {
			former.putIfAbsent(old, asOf);
		}
		former.remove(row.name());
		putHistory(company, before, former);
		return company;
	}

	/** The company with the former names a namechange file gives it added. */
	private ObjectNode history(String code, List<DirectoryFiles.Listing> rows, Map<String, Object> before) {
		var name = (String) before.get("name");
		var company = base(code, name, before);
		putIfSet(company, "nameEn", before);
		putIfSet(company, "fullName", before);
		if (before.get("listingSource") != null) {
			company.putObject("listing")
				.put("source", (String) before.get("listingSource"))
				.put("asOf", (String) before.get("listingAsOf"))
				.put("status", before.get("listingStatus") == null ? "listed" : (String) before.get("listingStatus"));
		}
		var former = formerNames(before);
		rows.stream()
			.filter(row -> row.until() != null && !row.name().equals(name))
			.forEach(row -> former.merge(row.name(), row.until(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
		putHistory(company, before, former);
		return company;
	}

	private ObjectNode base(String code, String name, Map<String, Object> before) {
		var company = json.createObjectNode().put("code", code).put("name", name);
		if (before != null) {
			var aliases = company.putArray("aliases");
			strings(before, "aliases").stream().filter(alias -> !alias.equals(name)).forEach(aliases::add);
			var sameIssuer = strings(before, "sameIssuer");
			if (!sameIssuer.isEmpty()) {
				sameIssuer.forEach(company.putArray("sameIssuer")::add);
			}
		}
		return company;
	}

	private static LinkedHashMap<String, String> formerNames(Map<String, Object> before) {
		var former = new LinkedHashMap<String, String>();
		if (before != null) {
			var names = strings(before, "formerNames");
			var until = strings(before, "formerNamesUntil");
			for (int i = 0; i < names.size(); i++) {
				former.put(names.get(i), until.get(i));
			}
		}
		return former;
	}

	private static void putHistory(ObjectNode company, Map<String, Object> before,
			LinkedHashMap<String, String> former) {
		if (!former.isEmpty()) {
			var names = company.putArray("formerNames");
			former.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue())
				.forEach(entry -> names.addObject().put("name", entry.getKey()).put("until", entry.getValue()));
		}
		if (before != null) {
			var codes = strings(before, "formerCodes");
			var until = strings(before, "formerCodesUntil");
			if (!codes.isEmpty()) {
				var array = company.putArray("formerCodes");
				for (int i = 0; i < codes.size(); i++) {
					array.addObject().put("code", codes.get(i)).put("until", until.get(i));
				}
			}
		}
	}

	/** Whether the restated company names the same things the graph already holds. */
	private static boolean same(ObjectNode company, Map<String, Object> before) {
		return company.path("name").asString().equals(before.get("name"))
				&& strings(before, "formerNames").size() == company.path("formerNames").size();
	}

	private static void putIfSet(ObjectNode company, String field, Map<String, Object> before) {
		if (before.get(field) != null) {
			company.put(field, (String) before.get(field));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Map<String, Object> row, String key) {
		var value = row.get(key);
		return value == null ? List.of() : (List<String>) value;
	}

}
