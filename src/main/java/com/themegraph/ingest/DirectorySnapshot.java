package com.themegraph.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.StockCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The listed-company directory shipped in {@code seed-data/directory/} (every A share,
 * Hong Kong listing and the US listings media reports name; built by
 * {@code tools/directory/build_directory.py} from public Tushare and exchange exports,
 * whose sources and dates {@code seed-data/directory/README.md} gives), as entity
 * documents of source {@value #SOURCE} that the {@link DocumentLoader} merges like any
 * entity file: one document per market (an entity file holds at most 10,000 companies),
 * so loading the same snapshot again writes nothing.
 * <p>
 * {@code companies.csv} columns: {@code code,market,name,fullName,nameEn,formerNames,
 * sameIssuer,status,source,asOf}, where {@code formerNames} is {@code name@until} items
 * joined by {@code |} and {@code sameIssuer} codes joined by {@code |}.
 * {@code short-forms.csv} ({@code alias,code,source}) holds the curated short forms
 * analysts write (腾讯 for 700.HK), each with the source that states it.
 * <p>
 * A company another source defined (the curated entity files, a report) is left as it is:
 * the directory only adds its short forms to it, as aliases the directory owns
 * ({@code ingest-add-aliases.cypher}).
 */
@Component
public class DirectorySnapshot {

	/** The source that owns the directory's companies, and refreshes them. */
	public static final String SOURCE = "directory";

	static final String COMPANIES = "companies.csv";

	static final String SHORT_FORMS = "short-forms.csv";

	private final CypherQueries cypher;

	private final JsonMapper json;

	DirectorySnapshot(CypherQueries cypher, JsonMapper json) {
		this.cypher = cypher;
		this.json = json;
	}

	/** One document to load, and the origin it is reported and recorded under. */
	public record Part(String origin, JsonNode document, int companies) {
	}

	/**
	 * The snapshot's entity documents, one per market group (A and B shares with Beijing,
	 * Hong Kong, US), against the graph as it is now (run it in the transaction that
	 * loads them).
	 * @param companies {@code companies.csv}
	 * @param shortForms {@code short-forms.csv}, or null when there is none
	 * @throws IllegalArgumentException naming the file and line of a malformed row
	 */
	public List<Part> parts(Resource companies, Resource shortForms) {
		var rows = read(companies, COMPANIES);
		var aliases = new HashMap<String, Set<String>>();
		if (shortForms != null && shortForms.exists()) {
			for (var row : read(shortForms, SHORT_FORMS)) {
				var code = code(row, "code", SHORT_FORMS);
				aliases.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(required(row, "alias", SHORT_FORMS));
			}
		}
		var codes = new ArrayList<String>();
		rows.forEach(row -> codes.add(code(row, "code", COMPANIES)));
		codes.addAll(aliases.keySet());
		var owners = new HashMap<String, Map<String, Object>>();
		cypher.query("ingest-existing-ids")
			.bind(codes)
			.to("ids")
			.fetch()
			.all()
			.forEach(row -> owners.put((String) row.get("id"), row));
		var groups = new LinkedHashMap<String, ObjectNode>();
		var counts = new HashMap<String, Integer>();
		var done = new java.util.HashSet<String>();
		for (var row : rows) {
			var code = code(row, "code", COMPANIES);
			var group = group(code);
			var document = groups.computeIfAbsent(group, this::document);
			var owner = owners.get(code);
			if (!done.add(code)) {
				throw new IllegalArgumentException(
						COMPANIES + " line " + row.getRecordNumber() + ": " + code + " is listed twice");
			}
			if (owner != null && !SOURCE.equals(owner.get("owner"))) {
				restate(document, owner, aliases.get(code));
				continue;
			}
			company(document.withArray("companies"), code, row, aliases.getOrDefault(code, Set.of()));
			counts.merge(group, 1, Integer::sum);
		}
		// Short forms of companies the snapshot does not list (a curated company's code).
		for (var entry : aliases.entrySet()) {
			var owner = owners.get(entry.getKey());
			if (!done.contains(entry.getKey()) && owner != null && !SOURCE.equals(owner.get("owner"))) {
				restate(groups.computeIfAbsent(group(entry.getKey()), this::document), owner, entry.getValue());
			}
		}
		var parts = new ArrayList<Part>();
		groups.forEach((group, document) -> parts
			.add(new Part("seed-data/directory/" + COMPANIES + ":" + group, document, counts.getOrDefault(group, 0))));
		return parts;
	}

	private ObjectNode document(String group) {
		return json.createObjectNode()
			.put("kind", "entities")
			.put("source", SOURCE)
			.put("sourceTitle",
					"seed-data/directory: listed companies from public exchange directory exports (" + group + ")");
	}

	/** A, HK or US: each market's companies are one entity file. */
	private static String group(String code) {
		var exchange = StockCode.parse(code).exchange().name();
		return switch (exchange) {
			case "HK" -> "HK";
			case "US" -> "US";
			default -> "A";
		};
	}

	private static void company(tools.jackson.databind.node.ArrayNode companies, String code, CSVRecord row,
			Set<String> shortForms) {
		var company = companies.addObject().put("code", code).put("name", required(row, "name", COMPANIES));
		optional(row, "nameEn").ifPresent(value -> company.put("nameEn", value));
		optional(row, "fullName").ifPresent(value -> company.put("fullName", value));
		var name = company.path("name").asString();
		var aliases = shortForms.stream().filter(alias -> !alias.equals(name)).toList();
		if (!aliases.isEmpty()) {
			var array = company.putArray("aliases");
			aliases.forEach(array::add);
		}
		var listing = company.putObject("listing")
			.put("source", required(row, "source", COMPANIES))
			.put("asOf", required(row, "asOf", COMPANIES));
		listing.put("status", "D".equals(optional(row, "status").orElse("L")) ? "delisted" : "listed");
		optional(row, "sameIssuer").ifPresent(value -> {
			var array = company.putArray("sameIssuer");
			for (var other : value.split("\\|")) {
				array.add(StockCode.parse(other.strip()).canonical());
			}
		});
		optional(row, "formerNames").ifPresent(value -> {
			var array = company.putArray("formerNames");
			for (var item : value.split("\\|")) {
				int at = item.lastIndexOf('@');
				if (at <= 0) {
					throw new IllegalArgumentException(COMPANIES + " line " + row.getRecordNumber()
							+ ": a former name is name@YYYY-MM-DD, not \"" + item + "\"");
				}
				array.addObject()
					.put("name", item.substring(0, at).strip())
					.put("until", item.substring(at + 1).strip());
			}
		});
	}

	/**
	 * Another source's company, restated as it stands (name, English name, aliases) with
	 * the directory's short forms added: what a document adds to another's entity is that
	 * document's own.
	 */
	@SuppressWarnings("unchecked")
	private static void restate(ObjectNode document, Map<String, Object> owner, Set<String> shortForms) {
		if (shortForms == null || shortForms.isEmpty()) {
			return;
		}
		var known = owner.get("aliases") == null ? List.<String>of() : (List<String>) owner.get("aliases");
		var name = (String) owner.get("name");
		var added = shortForms.stream().filter(alias -> !known.contains(alias) && !alias.equals(name)).toList();
		if (added.isEmpty()) {
			return;
		}
		var company = document.withArray("companies")
			.addObject()
			.put("code", (String) owner.get("id"))
			.put("name", name);
		if (owner.get("nameEn") != null) {
			company.put("nameEn", (String) owner.get("nameEn"));
		}
		var aliases = company.putArray("aliases");
		known.forEach(aliases::add);
		added.forEach(aliases::add);
	}

	private static List<CSVRecord> read(Resource resource, String file) {
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(reader)
				.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read seed-data/directory/" + file, ex);
		}
	}

	private static String code(CSVRecord row, String column, String file) {
		var value = required(row, column, file);
		return StockCode.tryParse(value)
			.map(StockCode::canonical)
			.orElseThrow(() -> new IllegalArgumentException(
					file + " line " + row.getRecordNumber() + ": \"" + value + "\" is not a stock code"));
	}

	private static String required(CSVRecord row, String column, String file) {
		return optional(row, column).orElseThrow(
				() -> new IllegalArgumentException(file + " line " + row.getRecordNumber() + ": no " + column));
	}

	private static java.util.Optional<String> optional(CSVRecord row, String column) {
		if (!row.isMapped(column) || !row.isSet(column)) {
			return java.util.Optional.empty();
		}
		var value = row.get(column).strip();
		return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
	}

}
