package com.themegraph.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.StockCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listed-company directory: the listing files analysts already export, read into
 * companies that belong to the directory's source. Reports name far more companies than
 * the graph's curated entity files hold; with a directory loaded the extractor resolves
 * them too. Each layout is recognised by its header:
 * <ul>
 * <li>AKShare ({@code stock_info_a_code_name}, {@code stock_info_sh_name_code}...):
 * {@code code,name}, or the 东方财富 spot lists' {@code 代码,名称};</li>
 * <li>Tushare {@code stock_basic}: {@code ts_code,symbol,name,...}, with {@code enname}
 * when asked for;</li>
 * <li>HKEX "List of Securities" (an xlsx upstream, read as its CSV export): a header row
 * {@code Stock Code,Name of Securities,Category,...} below a title and a date; only rows
 * whose category is {@code Equity} are companies.</li>
 * </ul>
 * Companies another source defined are left as they are (they belong to it), and counted.
 */
@Service
public class CompanyDirectory {

	/** The directory layouts this reads. */
	public enum Layout {

		AKSHARE, TUSHARE, HKEX

	}

	/** One listed company as a directory lists it. */
	record Listing(String code, String name, String nameEn) {
	}

	/** What a file held: its layout, its companies, and lines skipped with the reason. */
	record Read(Layout layout, List<Listing> listings, List<String> skipped) {
	}

	/**
	 * What an import did: companies added, updated (the source's own, renamed),
	 * unchanged, and left to the source that defined them; lines skipped, each with its
	 * reason.
	 */
	public record Imported(Layout layout, int added, int updated, int unchanged, int otherSources,
			List<String> skipped) {
	}

	static final String ACCEPTED = "an AKShare list (header code,name or 代码,名称), Tushare stock_basic "
			+ "(ts_code,symbol,name,...) or the HKEX List of Securities exported as CSV "
			+ "(Stock Code,Name of Securities,Category,...)";

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** The HKEX title and date rows above the header: a few, never many. */
	private static final int MAX_PREAMBLE = 10;

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
	 * @param fileName the file's name, for messages and to tell files of one source apart
	 * @param asOf the date the list was exported, YYYY-MM-DD, kept in each company's note
	 * @throws IllegalArgumentException when the header is none of the layouts, or
	 * {@code asOf} is no date
	 * @throws InvalidDocumentException when the companies fail the entity file checks
	 */
	@Transactional
	public Imported importFile(Reader reader, String fileName, String source, String asOf) {
		if (!DATE.matcher(asOf).matches()) {
			throw new IllegalArgumentException("--as-of must be a date, YYYY-MM-DD: \"" + asOf + "\"");
		}
		var read = read(reader);
		var owners = new HashMap<String, Map<String, Object>>();
		cypher.query("ingest-existing-ids")
			.bind(read.listings().stream().map(Listing::code).toList())
			.to("ids")
			.fetch()
			.all()
			.forEach(row -> owners.put((String) row.get("id"), row));
		int added = 0;
		int updated = 0;
		int unchanged = 0;
		int others = 0;
		var document = json.createObjectNode().put("kind", "entities").put("source", source);
		var companies = document.putArray("companies");
		for (var listing : read.listings()) {
			var existing = owners.get(listing.code());
			if (existing != null && !source.equals(existing.get("owner"))) {
				others++;
				continue;
			}
			if (existing == null) {
				added++;
			}
			else if (listing.name().equals(existing.get("name"))) {
				unchanged++;
			}
			else {
				updated++;
			}
			ObjectNode company = companies.addObject().put("code", listing.code()).put("name", listing.name());
			if (listing.nameEn() != null) {
				company.put("nameEn", listing.nameEn());
			}
			company.put("note",
					read.layout().name().toLowerCase(Locale.ROOT) + " directory " + source + " as of " + asOf);
		}
		loader.load(document, fileName);
		return new Imported(read.layout(), added, updated, unchanged, others, read.skipped());
	}

	/**
	 * The companies of a directory file, its layout recognised by its header.
	 * @throws IllegalArgumentException naming the accepted layouts when none matches
	 */
	static Read read(Reader reader) {
		List<CSVRecord> records;
		try {
			// Commons CSV rather than splitting lines: names hold commas and quotes, and
			// HKEX's export quotes fields.
			records = CSVFormat.DEFAULT.builder()
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get()
				.parse(reader)
				.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a CSV file: " + ex.getMessage(), ex);
		}
		for (int row = 0; row < Math.min(records.size(), MAX_PREAMBLE); row++) {
			var header = headerOf(records.get(row));
			if (header.containsKey("ts_code") && header.containsKey("name")) {
				return listings(Layout.TUSHARE, records, row, header, "ts_code", "name", "enname", null);
			}
			if (header.containsKey("stock code") && header.containsKey("name of securities")) {
				return listings(Layout.HKEX, records, row, header, "stock code", "name of securities", null,
						"category");
			}
			if (header.containsKey("code") && header.containsKey("name")) {
				return listings(Layout.AKSHARE, records, row, header, "code", "name", null, null);
			}
			if (header.containsKey("代码") && header.containsKey("名称")) {
				return listings(Layout.AKSHARE, records, row, header, "代码", "名称", null, null);
			}
		}
		throw new IllegalArgumentException("not a listed-company directory: expected " + ACCEPTED);
	}

	private static Map<String, Integer> headerOf(CSVRecord record) {
		var header = new LinkedHashMap<String, Integer>();
		for (int i = 0; i < record.size(); i++) {
			// A UTF-8 byte order mark, as Excel writes one, is not part of the first
			// name.
			header.putIfAbsent(record.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
		}
		return header;
	}

	private static Read listings(Layout layout, List<CSVRecord> records, int headerRow, Map<String, Integer> header,
			String codeColumn, String nameColumn, String nameEnColumn, String categoryColumn) {
		var listings = new ArrayList<Listing>();
		var skipped = new ArrayList<String>();
		var seen = new java.util.HashSet<String>();
		for (int row = headerRow + 1; row < records.size(); row++) {
			var record = records.get(row);
			var line = "line " + record.getRecordNumber();
			if (categoryColumn != null && !"equity".equalsIgnoreCase(cell(record, header.get(categoryColumn)))) {
				continue;
			}
			var code = StockCode.tryParse(layout == Layout.HKEX ? cell(record, header.get(codeColumn)) + ".HK"
					: cell(record, header.get(codeColumn)));
			var name = cell(record, header.get(nameColumn));
			if (code.isEmpty()) {
				skipped.add(line + ": \"" + cell(record, header.get(codeColumn)) + "\" is not a stock code");
				continue;
			}
			if (name.isEmpty()) {
				skipped.add(line + ": no name");
				continue;
			}
			if (!seen.add(code.get().canonical())) {
				skipped.add(line + ": " + code.get().canonical() + " is listed twice; the first is kept");
				continue;
			}
			var nameEn = nameEnColumn == null ? "" : cell(record, header.get(nameEnColumn));
			listings.add(new Listing(code.get().canonical(), name, nameEn.isEmpty() ? null : nameEn));
		}
		return new Read(layout, listings, skipped);
	}

	private static String cell(CSVRecord record, Integer column) {
		return column == null || column >= record.size() ? "" : record.get(column).strip();
	}

}
