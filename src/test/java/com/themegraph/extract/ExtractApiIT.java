package com.themegraph.extract;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/reports/extract as a client sees it: a draft back, problem details for bad
 * input, nothing written.
 */
class ExtractApiIT extends GraphIT {

	static final String SEED_TEXT = SeedNames.seedText();

	@Autowired
	ExtractionSlots slots;

	@Test
	void plainTextInADraftReportOutAndTheGraphUnchanged() {
		var before = snapshot();
		var response = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", SEED_TEXT);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var draft = response.body();
		assertThat(draft.path("kind").asString()).isEqualTo("report");
		assertThat(draft.path("broker").asString()).isEqualTo("tebon-securities");
		assertThat(draft.path("themes")).hasSize(4);
		assertThat(draft.path("themes").get(1).path("companies")).hasSize(8);
		assertThat(draft.path("review").path("missing").get(0).path("field").asString()).isEqualTo("/published");
		assertThat(draft.path("text").asString()).isEqualTo(SEED_TEXT);
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void withoutACharsetTheTextIsReadAsUtf8AndADeclaredOneIsHonoured() throws Exception {
		var utf8 = post("text/plain", SEED_TEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(utf8.statusCode()).isEqualTo(200);
		assertThat(utf8.body()).contains("\"broker\":\"tebon-securities\"");
		var gbk = Charset.forName("GBK");
		var response = post("text/plain; charset=GBK", SEED_TEXT.getBytes(gbk));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"汤姆猫\"");
	}

	@Test
	void anEmptyOrBlankBodyIsABadRequest() {
		for (var body : new String[] { "", " \n\t　" }) {
			var response = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", body);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body().path("type").asString())
				.isEqualTo("https://themegraph.example/problems/bad-request");
			assertThat(response.body().path("detail").asString()).contains("empty");
		}
	}

	@Test
	void textOverTwoMegabytesIsRefusedAsTooLarge() {
		var response = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8",
				"a".repeat(2 * 1024 * 1024 + 1)); // the documented 2 MB limit of a text
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("title").asString()).isEqualTo("Text too large");
		assertThat(response.body().path("detail").asString()).contains("2 MB");
	}

	@Test
	void bytesThatAreNotUtf8AreABadRequest() throws Exception {
		var response = post("text/plain; charset=UTF-8", new byte[] { (byte) 0xE6, (byte) 0xB1, 0x41, (byte) 0xFF });
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("not valid UTF-8");
	}

	/**
	 * A declared charset is honoured when Java knows it and the bytes are valid in it;
	 * never guessed.
	 */
	@Test
	void aCharsetThatIsUnknownOrDoesNotFitTheBytesIsRefused() throws Exception {
		var utf16 = post("text/plain; charset=UTF-16", SEED_TEXT.getBytes(StandardCharsets.UTF_16));
		assertThat(utf16.statusCode()).isEqualTo(200);
		assertThat(utf16.body()).contains("\"name\":\"汤姆猫\"");
		var unknown = post("text/plain; charset=no-such-charset", SEED_TEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(unknown.statusCode()).isEqualTo(415);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		var ascii = post("text/plain; charset=US-ASCII", SEED_TEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(ascii.statusCode()).isEqualTo(400);
		assertThat(ascii.body()).contains("not valid US-ASCII");
		var halfAPair = post("text/plain; charset=UTF-8", new byte[] { 0x41, (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		assertThat(halfAPair.statusCode()).isEqualTo(400);
		assertThat(halfAPair.body()).contains("not valid UTF-8");
	}

	@Test
	void jsonIsNotPlainText() {
		var response = send("POST", "/api/reports/extract", "application/json", "{\"text\":\"汤姆猫\"}");
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void whenEveryExtractionSlotIsTakenTheAnswerIs503WithRetryAfterAndAFreedSlotServesAgain() throws Exception {
		// Every slot held by an extraction that waits for this test, as long-running
		// extractions would.
		var release = new CountDownLatch(1);
		var holding = new CountDownLatch(slots.size());
		var holders = new ArrayList<Thread>();
		for (int i = 0; i < slots.size(); i++) {
			holders.add(Thread.ofPlatform().start(() -> slots.run(budget -> {
				holding.countDown();
				try {
					return release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			})));
		}
		try {
			assertThat(holding.await(10, TimeUnit.SECONDS)).as("every slot taken").isTrue();
			var before = snapshot();
			var refused = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", "汤姆猫。");
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().path("type").asString())
				.isEqualTo("https://themegraph.example/problems/extraction-busy");
			// Retry-After is the time left to the extraction nearest its deadline (they
			// began moments ago, under a 5 s budget): at most the budget, at least 1 s.
			assertThat(refused.body().path("detail").asString())
				.matches(slots.size() + " extraction\\(s\\) are already running, "
						+ "as many as themegraph.limits.extract.concurrency allows; try again in [1-5] s");
			assertThat(Integer.parseInt(retryAfter())).isBetween(1, 5);
			assertSameGraph(snapshot(), before, "the graph");
		}
		finally {
			release.countDown();
			for (var holder : holders) {
				holder.join(10_000);
			}
		}
		var served = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", SEED_TEXT);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body().path("themes")).hasSize(4);
	}

	/**
	 * Each kind of compression bomb (the probes: a 1 MB PDF inflating to one 1 GB token,
	 * which ran the heap out; a 4 MB one inflating to 4 GB of blanks, which held the only
	 * slot for 25 s) is a 413 problem saying why, well within the extraction's budget
	 * (the time order: under the budget, not past it), writing nothing, and its slot is
	 * free the moment it is refused.
	 */
	@Test
	void aPdfBombIsRefusedWithinTheBudgetAndFreesItsSlotAtOnce() {
		var before = snapshot();
		var bombs = new java.util.LinkedHashMap<String, byte[]>();
		bombs.put("one huge token", PdfBombs.oneHugeToken(1024));
		bombs.put("blanks", PdfBombs.blanks(4096));
		bombs.put("operands", PdfBombs.operands(512));
		bombs.put("many streams", PdfBombs.manyStreams(10));
		for (var bomb : bombs.entrySet()) {
			long started = System.nanoTime();
			var refused = sendBytes("POST", "/api/reports/extract", "application/pdf", bomb.getValue());
			var took = java.time.Duration.ofNanos(System.nanoTime() - started);
			assertThat(refused.status()).as(bomb.getKey() + ": " + refused.text()).isEqualTo(413);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().path("type").asString())
				.isEqualTo("https://themegraph.example/problems/too-large");
			assertThat(refused.body().path("title").asString()).isEqualTo("PDF expands too far");
			assertThat(refused.body().path("detail").asString()).as(bomb.getKey()).contains("(a ");
			assertThat(took).as(bomb.getKey()).isLessThan(slots.timeout());
			// No extraction left running: a slot frees no later than a whole budget away.
			assertThat(slots.untilASlotFrees()).isEqualTo(slots.timeout());
		}
		var served = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", SEED_TEXT);
		assertThat(served.status()).isEqualTo(200);
		assertSameGraph(snapshot(), before, "the graph");
	}

	/** The Retry-After of a refused extraction, read with a client that shows headers. */
	private String retryAfter() throws Exception {
		var request = HttpRequest.newBuilder(uri("/api/reports/extract"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString("汤姆猫。"))
			.build();
		try (var client = HttpClient.newHttpClient()) {
			var response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(503);
			return response.headers().firstValue("Retry-After").orElse(null);
		}
	}

	private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
		var request = HttpRequest.newBuilder(uri("/api/reports/extract"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try (var client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
	}

}
