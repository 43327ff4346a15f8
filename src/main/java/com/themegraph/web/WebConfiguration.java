package com.themegraph.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import com.themegraph.graph.StockCode;
import com.themegraph.store.GraphVersion;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ParameterContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC settings of the API: query parameters read strictly
 * ({@link RequestParameters}), read caching ({@link ReadCaching}), content negotiation
 * that honours {@code q=0} ({@link StrictAccept}) and the listing suffixes of stock
 * codes.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<GraphVersion> version;

	private final SecurityProperties security;

	private final ObjectProvider<WebMvcProperties> mvc;

	/**
	 * @param mvc Spring Boot's {@code spring.mvc.*} settings, absent where no web server
	 * runs (the command line), and then not asked for
	 */
	WebConfiguration(ObjectProvider<GraphVersion> version, SecurityProperties security,
			ObjectProvider<WebMvcProperties> mvc) {
		this.version = version;
		this.security = security;
		this.mvc = mvc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// First: a request with a bad parameter is refused before anything else looks at
		// it, an entity tag included.
		registry.addInterceptor(new RequestParameters()).order(Ordered.HIGHEST_PRECEDENCE);
		registry.addInterceptor(new ReadCaching.Interceptor(this.version, this.security)).addPathPatterns("/api/**");
	}

	/**
	 * {@code /api/stocks/1357.HK} ends in what Spring takes for a file extension, and
	 * Spring's protection against reflected file download (RFD) sends
	 * {@code Content-Disposition: inline;filename=f.txt} with any answer whose path ends
	 * in an extension it does not know as safe (Spring Framework reference, "Reflected
	 * File Download"). The reference's remedy: register the extension. An exchange suffix
	 * (.SZ, .SH, .BJ, .HK) names no file type a browser or operating system would run,
	 * and the answer is JSON. Registering a mapping does not turn on path-extension or
	 * parameter content negotiation by itself; any other extension keeps the protection.
	 */
	/**
	 * The strategies are set here, in Spring Boot's order (the {@code format} parameter,
	 * then the Accept header), because the header's is replaced by {@link StrictAccept}:
	 * setting strategies makes Spring ignore the configurer's other settings, so the
	 * parameter's name and media types ({@code spring.mvc.contentnegotiation.*}) are read
	 * here too.
	 */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		var negotiation = mvc.getIfAvailable(WebMvcProperties::new).getContentnegotiation();
		var types = new HashMap<String, MediaType>(negotiation.getMediaTypes());
		for (var exchange : StockCode.Exchange.values()) {
			types.put(exchange.name().toLowerCase(Locale.ROOT), MediaType.APPLICATION_JSON);
		}
		var parameter = new ParameterContentNegotiationStrategy(types);
		parameter.setParameterName(negotiation.getParameterName());
		parameter.setUseRegisteredExtensionsOnly(true);
		configurer.strategies(List.of(parameter, new StrictAccept.Header()));
	}

}
