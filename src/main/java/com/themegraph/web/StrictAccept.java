package com.themegraph.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * {@code Accept} as RFC 9110 (section 12.5.1) reads it: a media range with {@code q=0} is
 * "not acceptable", and the most specific range that matches a type decides its quality
 * ({@code application/json;q=0, *}{@code /*} takes anything but JSON).
 * <p>
 * Spring's {@link HeaderContentNegotiationStrategy} sorts by quality but keeps a
 * {@code q=0} range as acceptable, so {@code Accept: application/json;q=0} was answered
 * JSON with 200. Spring has no switch for it; this is the smallest change at the place
 * Spring asks: the {@link Header} strategy drops {@code q=0} ranges (406 when nothing is
 * left), and {@link Refusals}, a response body advice, refuses a type a wildcard let in
 * that a more specific {@code q=0} range excludes.
 */
final class StrictAccept {

	private StrictAccept() {
	}

	/** The request's Accept header without its {@code q=0} ranges. */
	static final class Header implements ContentNegotiationStrategy {

		private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

		/**
		 * @return the acceptable media ranges, best first; {@code *}{@code /*} when there
		 * is no Accept header
		 * @throws HttpMediaTypeNotAcceptableException when the header cannot be parsed,
		 * or every range it names has {@code q=0}
		 */
		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
			var named = header.resolveMediaTypes(request);
			var acceptable = named.stream().filter(type -> type.getQualityValue() > 0).toList();
			if (acceptable.isEmpty()) {
				throw new HttpMediaTypeNotAcceptableException(
						"Every media type the Accept header names has q=0, which means not acceptable");
			}
			return acceptable;
		}

	}

	/**
	 * Whether the most specific range of {@code accept} that includes {@code type} says
	 * {@code q=0}.
	 * @param accept the Accept header's ranges as parsed
	 * @param type the media type about to be written
	 */
	static boolean excluded(List<MediaType> accept, MediaType type) {
		return accept.stream()
			.filter(range -> range.includes(type))
			.max(Comparator.comparingInt(StrictAccept::specificity))
			.map(range -> range.getQualityValue() == 0)
			.orElse(false);
	}

	private static int specificity(MediaType range) {
		if (range.isWildcardType()) {
			return 0;
		}
		return range.isWildcardSubtype() ? 1 : 2 + range.getParameters().size();
	}

	/**
	 * The last look before an answer is written: a type that a wildcard let in but a more
	 * specific {@code q=0} range excludes is refused with 406. Problems are always
	 * written as {@code application/problem+json}.
	 */
	@RestControllerAdvice
	static class Refusals implements ResponseBodyAdvice<Object> {

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selected,
				Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (body instanceof ProblemDetail || selected == null) {
				return body;
			}
			List<MediaType> accept;
			try {
				accept = MediaType.parseMediaTypes(request.getHeaders().get("Accept"));
			}
			catch (RuntimeException ex) {
				return body;
			}
			if (excluded(accept, selected)) {
				throw new NotAcceptable(selected);
			}
			return body;
		}

	}

	/** The one type this endpoint could answer is excluded by {@code q=0}. */
	static final class NotAcceptable extends RuntimeException {

		NotAcceptable(MediaType type) {
			super("The Accept header excludes " + type.getType() + "/" + type.getSubtype()
					+ " with q=0, and this endpoint answers nothing else", null, false, false);
		}

	}

}
