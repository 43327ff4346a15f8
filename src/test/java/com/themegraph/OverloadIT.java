package com.themegraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service under load it must shed: clients trickling or stalling request bodies, and
 * an extraction past its time budget. Tight limits here (16 request threads, 4 upload
 * slots, bodies within 8 s, reads within 3 s, extractions within 1 ms) so that each limit
 * is met quickly; the clients are raw sockets on loopback, since an HTTP client library
 * will not trickle a body.
 */
@TestPropertySource(properties = { "server.tomcat.threads.max=16", "themegraph.limits.upload.concurrency=4",
		"themegraph.limits.upload.body-timeout=8s", "server.tomcat.connection-timeout=3s",
		"themegraph.limits.extract.timeout=1ms" })
class OverloadIT extends GraphIT {

	static final int UPLOADS = 40;

	static final int SLOTS = 4;

	@Test
	void fortyTricklingUploadsTakeFourSlotsTheRestAre503AndReadsAreAnsweredMeanwhile() throws Exception {
		var uploads = new ArrayList<Upload>();
		try {
			for (int i = 0; i < UPLOADS; i++) {
				uploads.add(new Upload(port, 100_000));
			}
			// Trickle a byte to every upload not yet answered, ten times a second, until
			// all beyond the slots are refused.
			trickleUntil(uploads, all -> count(all, 503) >= UPLOADS - SLOTS, 300);
			assertThat(count(uploads, 503)).as("uploads refused at once").isEqualTo(UPLOADS - SLOTS);

			var read = themes();
			assertThat(read.statusCode()).as("a read while four uploads still trickle").isEqualTo(200);
			assertThat(uploads.stream().filter(Upload::stillSending).count())
				.as("uploads still trickling after the read")
				.isEqualTo(SLOTS);

			// The four admitted ones go on trickling until their 8 s body deadline cuts
			// them off.
			trickleUntil(uploads, all -> all.stream().noneMatch(Upload::stillSending), 300);
			var admitted = uploads.stream().filter(upload -> upload.status() != 503).toList();
			System.out.println("OverloadIT trickling uploads: " + count(uploads, 503)
					+ " refused with 503; admitted ones ended " + admitted.stream().map(Upload::outcome).toList());
			assertThat(admitted).hasSize(SLOTS).allSatisfy(upload -> {
				assertThat(upload.stillSending()).isFalse();
				assertThat(upload.status()).as("408, or closed without an answer").isIn(408, -1);
			});
			assertThat(admitted.stream()
				.filter(upload -> upload.status() == 408)
				.findFirst()
				.map(upload -> upload.response())).hasValueSatisfying(
						response -> assertThat(response).contains("https://themegraph.example/problems/body-timeout")
							.contains("themegraph.limits.upload.body-timeout"));
			var refused = uploads.stream()
				.filter(upload -> upload.status() == 503)
				.findFirst()
				.orElseThrow()
				.response();
			assertThat(refused).containsIgnoringCase("Retry-After: 8")
				.contains("application/problem+json")
				.contains("https://themegraph.example/problems/uploads-busy")
				.contains("4 requests with a body are already being received or processed");
		}
		finally {
			for (var upload : uploads) {
				upload.close();
			}
		}
		assertThat(themes().statusCode()).isEqualTo(200);
	}

	@Test
	void aBodyThatStopsArrivingIsCutOffAtTheReadTimeout() throws Exception {
		try (var upload = new Upload(port, 1_000)) {
			// Headers and one byte, then silence: no trickle, so only the 3 s read
			// timeout can end it.
			for (int round = 0; round < 300 && upload.stillSending(); round++) {
				upload.poll();
				Thread.sleep(100);
			}
			System.out.println("OverloadIT stalled upload: " + upload.outcome());
			assertThat(upload.stillSending()).isFalse();
			assertThat(upload.status()).as("408, or closed without an answer").isIn(408, -1);
		}
		assertThat(themes().statusCode()).isEqualTo(200);
	}

	@Test
	void anExtractionPastItsBudgetIsStoppedWith422AndWritesNothing() {
		var before = snapshot();
		var text = "建议关注" + "【甲乙科技、丙丁传媒】这是一段测试用的文字。".repeat(20_000);
		var response = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", text);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/extraction-timeout");
		assertThat(response.body().path("title").asString()).isEqualTo("Extraction took too long");
		assertThat(response.body().path("detail").asString())
			.startsWith("Extraction was stopped after 1 ms (themegraph.limits.extract.timeout) without finishing");
		assertSameGraph(snapshot(), before, "the graph");
	}

	private HttpResponse<String> themes() throws Exception {
		try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
			return client.send(HttpRequest.newBuilder(uri("/api/themes")).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
	}

	private static void trickleUntil(List<Upload> uploads, Predicate<List<Upload>> done, int rounds)
			throws InterruptedException {
		for (int round = 0; round < rounds && !done.test(uploads); round++) {
			for (var upload : uploads) {
				upload.poll();
				upload.trickle();
			}
			Thread.sleep(100);
		}
		uploads.forEach(Upload::poll);
	}

	private static long count(List<Upload> uploads, int status) {
		return uploads.stream().filter(upload -> upload.status() == status).count();
	}

	/**
	 * One client posting a text whose body it sends a byte at a time, and what came back.
	 */
	static final class Upload implements AutoCloseable {

		private final Socket socket;

		private final OutputStream out;

		private final InputStream in;

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		private boolean ended;

		Upload(int port, int contentLength) throws IOException {
			socket = new Socket(InetAddress.getLoopbackAddress(), port);
			socket.setSoTimeout(1);
			out = socket.getOutputStream();
			in = socket.getInputStream();
			out.write(
					("POST /api/reports/extract HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain; charset=UTF-8\r\n"
							+ "Content-Length: " + contentLength + "\r\n\r\na")
						.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		/**
		 * Takes in whatever has arrived; notes when the server has closed or reset the
		 * connection.
		 */
		void poll() {
			var buffer = new byte[8192];
			try {
				while (!ended) {
					int n = in.read(buffer);
					if (n < 0) {
						ended = true;
					}
					else {
						received.write(buffer, 0, n);
					}
				}
			}
			catch (SocketTimeoutException ex) {
				// Nothing more for now.
			}
			catch (IOException ex) {
				ended = true;
			}
		}

		/** One more byte of the body, unless the server has answered or gone. */
		void trickle() {
			if (stillSending()) {
				try {
					out.write('a');
					out.flush();
				}
				catch (IOException ex) {
					ended = true;
				}
			}
		}

		boolean stillSending() {
			return !ended && received.size() == 0;
		}

		String response() {
			return received.toString(StandardCharsets.UTF_8);
		}

		/** The status the server answered with, or -1 when it closed without one. */
		int status() {
			var response = response();
			return response.startsWith("HTTP/1.1 ") && response.length() >= 12
					? Integer.parseInt(response.substring(9, 12)) : -1;
		}

		String outcome() {
			return status() > 0 ? Integer.toString(status()) : ended ? "closed" : "open";
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

}
