package com.themegraph.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The dates of a document as days of the calendar, which the JSON Schema's pattern for a
 * date ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, months 01 to 12, days 01 to
 * 31) cannot say: {@code 2025-02-30} matches it. And a publication range in order: its
 * {@code earliest} may not come after its {@code latest}. Checked by
 * {@link DocumentSchemas#validate}, so {@code POST /api/reports/validate} and every load
 * refuse the same documents.
 */
final class DocumentDates {

	/**
	 * Every property the schemas type as a date ({@code common.schema.json#/$defs/date}).
	 */
	private static final Set<String> DATE_PROPERTIES = Set.of("earliest", "latest", "date", "until");

	private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private DocumentDates() {
	}

	/**
	 * Adds a violation for every date of {@code document} that is no day of the calendar,
	 * and for a {@code published} range whose earliest day comes after its latest.
	 * @param document a report document or entity file (any JSON)
	 * @param violations where the violations go, each at its JSON pointer
	 */
	static void check(JsonNode document, List<Violation> violations) {
		walk(document, "", violations);
		var published = document.path("published");
		var earliest = published.path("earliest");
		var latest = published.path("latest");
		if (earliest.isString() && latest.isString()) {
			var first = firstDay(earliest.asString());
			var last = lastDay(latest.asString());
			if (first != null && last != null && first.isAfter(last)) {
				violations.add(new Violation("/published/latest", "must not end before earliest: earliest is "
						+ earliest.asString() + ", latest " + latest.asString()));
			}
		}
	}

	private static void walk(JsonNode node, String pointer, List<Violation> violations) {
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), pointer + "/" + i, violations);
			}
			return;
		}
		if (!node.isObject()) {
			return;
		}
		for (var field : node.properties()) {
			var fieldPointer = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
			var value = field.getValue();
			if (DATE_PROPERTIES.contains(field.getKey()) && value.isString() && DAY.matcher(value.asString()).matches()
					&& firstDay(value.asString()) == null) {
				violations.add(new Violation(fieldPointer,
						"is not a day of the calendar: " + value.asString() + " (YYYY-MM-DD, a day the month has)"));
			}
			walk(value, fieldPointer, violations);
		}
	}

	/** The first day a date of the schema's forms stands for, or null for none. */
	private static LocalDate firstDay(String date) {
		try {
			if (DAY.matcher(date).matches()) {
				return LocalDate.parse(date, STRICT);
			}
			if (MONTH.matcher(date).matches()) {
				return YearMonth.parse(date).atDay(1);
			}
			if (YEAR.matcher(date).matches()) {
				return LocalDate.of(Integer.parseInt(date), 1, 1);
			}
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		return null;
	}

	/** The last day a date of the schema's forms stands for, or null for none. */
	private static LocalDate lastDay(String date) {
		var first = firstDay(date);
		if (first == null) {
			return null;
		}
		if (MONTH.matcher(date).matches()) {
			return YearMonth.from(first).atEndOfMonth();
		}
		if (YEAR.matcher(date).matches()) {
			return first.withDayOfYear(first.lengthOfYear());
		}
		return first;
	}

}
