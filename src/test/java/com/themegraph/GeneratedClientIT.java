package com.themegraph;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import themegraph.client.ApiClient;
import themegraph.client.ApiException;
import themegraph.client.api.ReportsApi;
import themegraph.client.api.ThemesApi;
import themegraph.client.model.ReportDocument;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAPI document drives a real client: the Java client OpenAPI Generator builds
 * from {@code docs/openapi.json} (the pom's {@code test-client} execution;
 * OpenApiDocumentIT proves that file is the live document) reads a theme and writes a
 * report, with the key, against the running service.
 */
class GeneratedClientIT extends GraphIT {

	/**
	 * The generated client as generated: it accepts every type an operation declares
	 * ("application/json, text/csv" for the ranked lists), and the service must then
	 * answer the first, JSON.
	 */
	private ApiClient client(String key) {
		var client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		client.setRequestInterceptor(request -> {
			if (key != null) {
				request.setHeader("X-API-Key", key);
			}
		});
		return client;
	}

	@Test
	void theGeneratedClientReadsAThemesStocksAsTheJsonSays() throws ApiException {
		var page = new ThemesApi(client(null)).themeStocks("ai-video-tools", 0, 2, 1, null, null, "rank");
		assertThat(page.getTotal()).isEqualTo(5L);
		assertThat(page.getSkip()).isZero();
		assertThat(page.getLimit()).isEqualTo(2);
		assertThat(page.getItems()).extracting(stock -> stock.getCode()).containsExactly("300624.SZ", "300418.SZ");
		var evidence = page.getItems().get(0).getEvidence().get(0);
		assertThat(evidence.getReport()).isEqualTo(SEED_REPORT);
		assertThat(evidence.getBroker()).isEqualTo("德邦证券");
		assertThat(evidence.getPublishedLatest()).isEqualTo("2024-03-26");
	}

	@Test
	void theGeneratedClientLoadsAndDeletesAReportWithTheKeyAndIsRefusedWithout() throws Exception {
		var json = new ClassPathResource("fixtures/test-fixture-second-report.json")
			.getContentAsString(StandardCharsets.UTF_8);
		var writer = client(TEST_API_KEY);
		var document = writer.getObjectMapper().readValue(json, ReportDocument.class);
		assertThatThrownBy(() -> new ReportsApi(client(null)).loadReport(document)).isInstanceOf(ApiException.class)
			.satisfies(ex -> assertThat(((ApiException) ex).getCode()).isEqualTo(401));
		try {
			var loaded = new ReportsApi(writer).loadReport(document);
			assertThat(loaded.getId()).isEqualTo("test-fixture-second-report");
			assertThat(loaded.getOutcome()).hasToString("NEW");
			assertThat(get("/api/reports/test-fixture-second-report").status()).isEqualTo(200);
		}
		finally {
			new ReportsApi(writer).deleteReport("test-fixture-second-report");
		}
		assertThat(get("/api/reports/test-fixture-second-report").status()).isEqualTo(404);
	}

}
