package com.themegraph.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.themegraph.graph.StockCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the listing files analysts export into {@link Listing}s, each layout recognised
 * by its header:
 * <ul>
 * <li>AKShare ({@code stock_info_a_code_name}: {@code code,name}; the 东方财富 spot lists
 * {@code stock_hk_spot_em} and {@code stock_us_spot_em}: {@code 代码,名称}, whose US codes
 * carry a market prefix, {@code 105.BILI});</li>
 * <li>Tushare {@code stock_basic} and {@code hk_basic}: {@code ts_code,name,...}, with
 * {@code fullname} and {@code enname} when exported;</li>
 * <li>Tushare {@code namechange}: {@code ts_code,name,start_date,end_date,...}: a
 * company's names over time, each former one with the day it stopped;</li>
 * <li>HKEX "List of Securities" (an xlsx upstream, read as its CSV export): a header row
 * {@code Stock Code,Name of Securities,Category,...} below a title and a date; only
 * {@code Equity} rows are companies.</li>
 * </ul>
 */
final class DirectoryFiles {

	/** The directory layouts this reads. */
	enum Layout {

		AKSHARE, TUSHARE, HKEX, NAMECHANGE

	}

	/**
	 * One row: a listed company as a directory lists it, or (NAMECHANGE) one name it had
	 * with the day it stopped ({@code until}, null for the current one).
	 */
	record Listing(String code, String name, String nameEn, String fullName, String until) {
	}

	/** What a file held: its layout, its rows, and lines skipped with the reason. */
	record Read(Layout layout, List<Listing> listings, List<String> skipped) {
	}

	static final String ACCEPTED = "an AKShare list (header code,name or 代码,名称), Tushare stock_basic or hk_basic "
			+ "(ts_code,name,...), Tushare namechange (ts_code,name,start_date,end_date,...) or the HKEX List of "
			+ "Securities exported as CSV (Stock Code,Name of Securities,Category,...)";

	/** 东方财富's US codes: a market number, a dot, the ticker (105.BILI, 106.BABA). */
	private static final Pattern EASTMONEY_US = Pattern.compile("\\d{3}\\.([A-Za-z]{1,5})");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	/** The HKEX title and date rows above the header: a few, never many. */
	private static final int MAX_PREAMBLE = 10;

	private DirectoryFiles() {
	}

	/**
	 * The rows of a directory file, its layout recognised by its header.
	 * @throws IllegalArgumentException naming the accepted layouts when none matches, or
	 * when the file is no CSV
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
			if (header.containsKey("ts_code") && header.containsKey("name") && header.containsKey("end_date")) {
				return rows(Layout.NAMECHANGE, records, row, header, "ts_code", "name");
			}
			if (header.containsKey("ts_code") && header.containsKey("name")) {
				return rows(Layout.TUSHARE, records, row, header, "ts_code", "name");
			}
			if (header.containsKey("stock code") && header.containsKey("name of securities")) {
				return rows(Layout.HKEX, records, row, header, "stock code", "name of securities");
			}
			if (header.containsKey("code") && header.containsKey("name")) {
				return rows(Layout.AKSHARE, records, row, header, "code", "name");
			}
			if (header.containsKey("代码") && header.containsKey("名称")) {
				return rows(Layout.AKSHARE, records, row, header, "代码", "名称");
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

	private static Read rows(Layout layout, List<CSVRecord> records, int headerRow, Map<String, Integer> header,
			String codeColumn, String nameColumn) {
		var listings = new ArrayList<Listing>();
		var skipped = new ArrayList<String>();
		var seen = new HashSet<String>();
		for (int row = headerRow + 1; row < records.size(); row++) {
			var record = records.get(row);
			var line = "line " + record.getRecordNumber();
			if (layout == Layout.HKEX && !"equity".equalsIgnoreCase(cell(record, header.get("category")))) {
				continue;
			}
			var printed = cell(record, header.get(codeColumn));
			var code = StockCode.tryParse(codeOf(layout, printed));
			var name = cell(record, header.get(nameColumn));
			if (code.isEmpty()) {
				skipped.add(line + ": \"" + printed + "\" is not a stock code");
				continue;
			}
			if (name.isEmpty()) {
				skipped.add(line + ": no name");
				continue;
			}
			var canonical = code.get().canonical();
			String until = null;
			if (layout == Layout.NAMECHANGE) {
				var end = cell(record, header.get("end_date"));
				until = end.isEmpty() ? null : date(end);
				if (!end.isEmpty() && until == null) {
					skipped.add(line + ": end_date \"" + end + "\" is not a date (YYYYMMDD or YYYY-MM-DD)");
					continue;
				}
			}
			else if (!seen.add(canonical)) {
				skipped.add(line + ": " + canonical + " is listed twice; the first is kept");
				continue;
			}
			listings.add(new Listing(canonical, name, blankToNull(cell(record, header.get("enname"))),
					blankToNull(cell(record, header.get("fullname"))), until));
		}
		return new Read(layout, listings, skipped);
	}

	private static String codeOf(Layout layout, String printed) {
		if (layout == Layout.HKEX) {
			return printed + ".HK";
		}
		var eastmoney = EASTMONEY_US.matcher(printed);
		return eastmoney.matches() ? eastmoney.group(1) + ".US" : printed;
	}

	/** YYYYMMDD (Tushare) or YYYY-MM-DD as YYYY-MM-DD; null when neither. */
	static String date(String value) {
		var compact = COMPACT_DATE.matcher(value);
		var iso = compact.matches() ? compact.group(1) + "-" + compact.group(2) + "-" + compact.group(3) : value;
		try {
			// Parsed, not only matched: 20240230 is no day.
			return java.time.LocalDate.parse(iso).toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static String cell(CSVRecord record, Integer column) {
		return column == null || column >= record.size() ? "" : record.get(column).strip();
	}

}
