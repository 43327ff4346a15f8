package com.themegraph.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.themegraph.graph.BadParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads every query parameter of an endpoint exactly as the contract documents it, before
 * Spring binds any, and refuses the request with one 400 {@code bad-parameter} problem
 * naming every parameter at fault:
 * <ul>
 * <li>a whole number is decimal digits, with a minus sign at most ({@code 0x10},
 * {@code #10}, {@code 1 0} and {@code +1} are not numbers), within its
 * {@code @Min}/{@code @Max};</li>
 * <li>a date is {@code YYYY-MM-DD}, a day of the calendar with a four-digit year
 * ({@code 2025-02-30} and {@code +10000-01-01} are not), and {@code since} is not after
 * {@code until};</li>
 * <li>a text with {@code @Pattern} matches it;</li>
 * <li>a parameter that takes one value is given once: {@code skip=0&skip=50} is refused
 * rather than read as its first value.</li>
 * </ul>
 * Why not Spring's conversion alone: its number conversion ({@code NumberUtils}) decodes
 * hex and {@code #} prefixes and strips inner white space, its ISO date format accepts
 * signed years past 9999 (which the queries would compare as text, inverting the date
 * window), it takes the first of repeated values, and it stops at the first parameter
 * that does not convert, so a request with two faults would learn of one. Once this check
 * has passed, Spring's conversion and validation see only values that convert.
 */
final class RequestParameters implements HandlerInterceptor {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

	private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	/** What a malformed date is told, as every dated list says it. */
	static final String DATE_EXPECTED = "an ISO date, YYYY-MM-DD (such as 2024-03-01)";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			check(method, request.getParameterMap());
		}
		return true;
	}

	/**
	 * @param method the endpoint the request was matched to
	 * @param given the request's parameters, each with every value it was given
	 * @throws BadParameterException naming every parameter at fault, in the method's
	 * order, with one sentence each
	 */
	static void check(HandlerMethod method, Map<String, String[]> given) {
		var names = new ArrayList<String>();
		var faults = new ArrayList<String>();
		LocalDate since = null;
		LocalDate until = null;
		for (var parameter : method.getMethodParameters()) {
			var annotation = parameter.getParameterAnnotation(RequestParam.class);
			var type = parameter.getParameterType();
			if (annotation == null || Map.class.isAssignableFrom(type)) {
				continue;
			}
			var name = annotation.name().isEmpty() ? String.valueOf(parameter.getParameterName()) : annotation.name();
			var values = given.get(name);
			if (values == null || values.length == 0) {
				continue;
			}
			String fault;
			if (values.length > 1 && !type.isArray() && !Collection.class.isAssignableFrom(type)) {
				fault = name + " is given " + values.length + " times; give it once";
			}
			else {
				fault = fault(name, parameter, values[0]);
			}
			if (fault != null) {
				names.add(name);
				faults.add(fault);
			}
			else if (type == LocalDate.class && "since".equals(name)) {
				since = LocalDate.parse(values[0], DATE);
			}
			else if (type == LocalDate.class && "until".equals(name)) {
				until = LocalDate.parse(values[0], DATE);
			}
		}
		if (since != null && until != null && since.isAfter(until)) {
			names.addAll(List.of("since", "until"));
			faults.add("since must be on or before until; was since=" + since + ", until=" + until);
		}
		if (!faults.isEmpty()) {
			throw new BadParameterException(names, String.join("; ", faults));
		}
	}

	/** What is wrong with one value of a parameter, or null when nothing is. */
	private static String fault(String name, MethodParameter parameter, String value) {
		var type = parameter.getParameterType();
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return numberFault(name, parameter, value, type == int.class || type == Integer.class);
		}
		if (type == LocalDate.class) {
			return dateFault(value) ? name + " must be " + DATE_EXPECTED + "; was \"" + abbreviate(value) + "\"" : null;
		}
		var pattern = parameter.getParameterAnnotation(jakarta.validation.constraints.Pattern.class);
		if (pattern != null && !value.matches(pattern.regexp())) {
			return name + " must match \"" + pattern.regexp() + "\"";
		}
		return null;
	}

	private static String numberFault(String name, MethodParameter parameter, String value, boolean isInt) {
		var min = parameter.getParameterAnnotation(Min.class);
		var max = parameter.getParameterAnnotation(Max.class);
		var range = min != null && max != null ? "from " + min.value() + " to " + max.value()
				: min != null ? "at least " + min.value() : max != null ? "at most " + max.value() : "";
		long number;
		try {
			if (!WHOLE_NUMBER.matcher(value).matches()) {
				throw new NumberFormatException();
			}
			number = Long.parseLong(value);
			if (isInt && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
				throw new NumberFormatException();
			}
		}
		catch (NumberFormatException ex) {
			return name + " must be a whole number in decimal digits" + (range.isEmpty() ? "" : ", " + range)
					+ "; was \"" + abbreviate(value) + "\"";
		}
		if ((min != null && number < min.value()) || (max != null && number > max.value())) {
			return name + " must be " + range + "; was " + number;
		}
		return null;
	}

	private static boolean dateFault(String value) {
		if (!DATE_SHAPE.matcher(value).matches()) {
			return true;
		}
		try {
			LocalDate.parse(value, DATE);
			return false;
		}
		catch (DateTimeParseException ex) {
			return true;
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}

}
