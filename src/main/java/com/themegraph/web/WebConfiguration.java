package com.themegraph.web;

import java.util.Locale;

import com.themegraph.graph.StockCode;
import com.themegraph.store.GraphVersion;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC settings of the API: read caching ({@link ReadCaching}) and the listing
 * suffixes of stock codes.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<GraphVersion> version;

	private final SecurityProperties security;

	WebConfiguration(ObjectProvider<GraphVersion> version, SecurityProperties security) {
		this.version = version;
		this.security = security;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
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
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		for (var exchange : StockCode.Exchange.values()) {
			configurer.mediaType(exchange.name().toLowerCase(Locale.ROOT), MediaType.APPLICATION_JSON);
		}
	}

}
