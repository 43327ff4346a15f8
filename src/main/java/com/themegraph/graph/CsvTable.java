package com.themegraph.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The CSV answers of the ranked lists, for analysts who work in spreadsheets: RFC 4180
 * records (Apache Commons CSV's default format: commas, CRLF, fields quoted when they
 * hold a comma, quote or line break), in UTF-8 led by a byte order mark, without which
 * Excel reads the file in the machine's code page and garbles Chinese names.
 */
public final class CsvTable {

	/** What a CSV answer declares: {@code text/csv;charset=UTF-8}. */
	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** The columns each flattened evidence step adds to a row. */
	public static final List<String> STEP_COLUMNS = List.of("paths", "path", "pathKind", "weight", "step", "from", "to",
			"report", "reportTitle", "broker", "published", "quote");

	private CsvTable() {
	}

	/**
	 * A 200 answer holding the table, offered for download as {@code filename}.
	 * @param header the column names, the first record
	 * @param rows one list of cells per record, in header order (null cells are empty)
	 */
	public static ResponseEntity<byte[]> answer(String filename, List<String> header, List<List<Object>> rows) {
		var bytes = new ByteArrayOutputStream();
		bytes.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		var format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get();
		try (var printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), format)) {
			for (var row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			// Written to memory: no I/O can fail.
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(bytes.toByteArray());
	}

	/**
	 * One row per step of each path, each row led by {@code lead} (the ranked item's own
	 * cells), followed by {@link #STEP_COLUMNS}: the number of paths the item has
	 * ({@code pathTotal}, which counts those a {@code pathLimit} left out too), the
	 * path's number (from 1), kind and weight, the step's relationship type, its ends'
	 * names, and its report (id, title, broker, publication date) and quote.
	 */
	public static List<List<Object>> stepRows(List<Object> lead, long pathTotal, List<EvidencePath> paths) {
		var rows = new ArrayList<List<Object>>();
		for (int p = 0; p < paths.size(); p++) {
			var path = paths.get(p);
			for (var step : path.steps()) {
				var row = new ArrayList<Object>(lead);
				row.addAll(java.util.Arrays.asList(pathTotal, p + 1, path.kind(), path.weight(), step.type(),
						step.from().name(), step.to().name(), step.report(), step.reportTitle(), step.broker(),
						published(step.publishedEarliest(), step.publishedLatest()), step.quote()));
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * A publication date as a spreadsheet cell: the day when it is known, else the ISO
	 * 8601 interval {@code earliest/latest}; empty when there is no report.
	 */
	public static String published(String earliest, String latest) {
		if (earliest == null && latest == null) {
			return null;
		}
		return Objects.equals(earliest, latest) || latest == null ? earliest
				: earliest == null ? latest : earliest + "/" + latest;
	}

}
