package com.themegraph.web;

import java.nio.charset.StandardCharsets;

import com.themegraph.graph.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON body is UTF-8 (RFC 8259): one that declares another charset answers 415 before
 * it is read. Spring would otherwise decode it in the declared charset and the service
 * would store what came out (UTF-8 bytes declared as ISO-8859-1 become mojibake). A
 * charset Java does not know is refused with 415 by Spring itself, for every media type,
 * when it matches the request to a handler.
 */
@Configuration(proxyBeanMethods = false)
class JsonCharset implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				refuseAnotherCharset(request.getContentType());
				return true;
			}
		});
	}

	/**
	 * @param contentType a request's Content-Type, possibly null or malformed (then
	 * Spring judges it)
	 * @throws ErrorResponseException 415 when it is JSON and declares a charset other
	 * than UTF-8
	 */
	static void refuseAnotherCharset(String contentType) {
		MediaType type;
		try {
			type = contentType == null ? null : MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return;
		}
		if (type == null
				|| !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix()))
				|| type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8)) {
			return;
		}
		var problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset", "Unsupported charset",
				"JSON is UTF-8 (RFC 8259), but the body declares charset " + type.getCharset().name()
						+ ": send it as UTF-8, with charset=utf-8 or none");
		throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
	}

}
