package com.themegraph.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Input limits. A report's text may hold 2,000,000 characters (the JSON Schema's limit), which is
 * about 6 MB of UTF-8 Chinese, so a request body may be up to 8 MB.
 */
@ConfigurationProperties("themegraph.limits")
public record LimitsProperties(@DefaultValue("8MB") DataSize maxRequestSize) {
}
