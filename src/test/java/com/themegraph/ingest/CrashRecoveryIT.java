package com.themegraph.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service, as a child process, is killed with SIGKILL while reports pour in.
 * Restarted on the same data directory, it shows only whole reports (each with all 25
 * recommendations), and loading the same reports again completes the set.
 */
class CrashRecoveryIT {

	static final int REPORTS = 120;

	static final int KILL_AFTER = 15;

	static final String KEY = "crash-test-key";

	static final JsonMapper json = JsonMapper.builder().build();

	static final List<String> COMPANIES = List.of("万兴科技:300624.SZ", "昆仑万维:300418.SZ", "美图公司:1357.HK", "汤姆猫:300459.SZ",
			"风语筑:603466.SH", "中文在线:300364.SZ", "上海电影:601595.SH", "光线传媒:300251.SZ", "奥飞娱乐:002292.SZ", "华策影视:300133.SZ",
			"果麦文化:301052.SZ", "荣信文化:301231.SZ", "因赛集团:300781.SZ", "蓝色光标:300058.SZ", "浙文互联:600986.SH", "天龙集团:300063.SZ",
			"龙韵股份:603729.SH", "青木股份:301110.SZ", "思美传媒:002712.SZ", "中视传媒:600088.SH", "芒果超媒:300413.SZ", "中广天择:603721.SH",
			"国脉文化:600640.SH", "中国电影:600977.SH", "浙文影业:601599.SH");

	@TempDir
	Path work;

	Process service;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stop() {
		if (service != null) {
			service.destroyForcibly();
		}
	}

	@Test
	void aKilledLoadLeavesOnlyWholeReportsAndReloadingCompletesThem() throws Exception {
		int port = freePort();
		service = start(port);
		var created = new AtomicInteger();
		var loader = new Thread(() -> {
			for (int i = 1; i <= REPORTS; i++) {
				try {
					if (post(port, report(i)).statusCode() == 201) {
						created.incrementAndGet();
					}
				}
				catch (IOException | InterruptedException ex) {
					return; // the service is gone: that is the point
				}
			}
		});
		loader.start();
		while (created.get() < KILL_AFTER && loader.isAlive()) {
			Thread.sleep(20);
		}
		service.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close
												// of the store
		loader.join();
		assertThat(created.get()).as("reports acknowledged before the kill").isBetween(KILL_AFTER, REPORTS - 1);

		service = start(port);
		var visible = reports(port);
		assertThat(visible).as("visible after restart")
			.hasSizeGreaterThanOrEqualTo(created.get())
			.hasSizeLessThan(REPORTS);
		visible.forEach((id, summary) -> {
			assertThat(summary.path("recommendations").asInt()).as(id).isEqualTo(25);
			assertThat(summary.path("themes").asInt()).as(id).isEqualTo(1);
		});

		int unchanged = 0;
		for (int i = 1; i <= REPORTS; i++) {
			var status = post(port, report(i)).statusCode();
			assertThat(status).isIn(200, 201);
			unchanged += status == 200 ? 1 : 0;
		}
		assertThat(unchanged).as("reports the reload found already whole").isEqualTo(visible.size());
		var all = reports(port);
		assertThat(all).hasSize(REPORTS);
		all.values().forEach(summary -> assertThat(summary.path("recommendations").asInt()).isEqualTo(25));
		System.out.printf(
				"Crash: killed after %d acknowledged reports; %d whole reports visible after restart, "
						+ "none partial; reload completed %d more%n",
				created.get(), visible.size(), REPORTS - unchanged);
	}

	/**
	 * Synthetic report i: all 25 seed companies in one theme, every quote from its own
	 * text.
	 */
	static String report(int i) {
		var names = COMPANIES.stream().map(c -> c.split(":")[0]).toList();
		var list = "【" + String.join("，", names) + "】";
		var text = "TEST FIXTURE: 崩溃测试报告 " + i + "，不是真实研报。\n证券分析师 测试分析师 资格编号：S0000000000001\n"
				+ "我们认为 Sora 推动 AI 视频工具迭代。建议关注崩溃测试组合：" + list + "。\n";
		var companies = new ArrayList<Map<String, String>>();
		for (var company : COMPANIES) {
			var parts = company.split(":");
			companies.add(Map.of("code", parts[1], "name", parts[0], "quote", list));
		}
		var document = map("kind", "report", "id", "test-fixture-crash-" + i, "title", "崩溃测试报告 " + i, "broker",
				"test-fixture-broker", "industry", "传媒", "rating", "中性", "published",
				Map.of("earliest", "2024-04-01", "latest", "2024-04-01", "precision", "day"), "language", "zh",
				"analysts",
				List.of(Map.of("person", "test-fixture-analyst", "role", "证券分析师", "quote",
						"证券分析师 测试分析师 资格编号：S0000000000001")),
				"about", List.of(Map.of("entity", "sora", "quote", "我们认为 Sora 推动 AI 视频工具迭代。")), "themes",
				List.of(Map.of("id", "test-fixture-crash-theme", "name", "崩溃测试组合", "quote", "建议关注崩溃测试组合", "companies",
						companies)),
				"entities",
				Map.of("organizations", List.of(Map.of("id", "test-fixture-broker", "name", "测试证券", "type", "broker")),
						"people", List.of(Map.of("id", "test-fixture-analyst", "name", "测试分析师"))),
				"text", text);
		return json.writeValueAsString(document);
	}

	static Map<String, Object> map(Object... pairs) {
		var map = new java.util.LinkedHashMap<String, Object>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	Process start(int port) throws Exception {
		var jar = Files.list(Path.of("target"))
			.filter(p -> p.getFileName().toString().matches("themegraph-.*\\.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("package the jar first (mvn verify does)"));
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
				"--themegraph.embedded.data-directory=" + work.resolve("data"), "--themegraph.embedded.bolt-port=0",
				"--themegraph.embedded.page-cache=32m", "--themegraph.security.api-key=" + KEY)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("service-" + port + "-" + System.nanoTime() + ".log").toFile())
			.start();
		var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("service started").isTrue();
			try {
				var response = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return process;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("service did not answer within 3 minutes");
	}

	HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
			.header("Content-Type", "application/json")
			.header("X-API-Key", KEY)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	Map<String, JsonNode> reports(int port) throws IOException, InterruptedException {
		var body = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports?limit=500")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		var reports = new java.util.TreeMap<String, JsonNode>();
		json.readTree(body).path("items").forEach(report -> {
			// The seed report is there too; only this test's reports are counted.
			if (report.path("id").asString().startsWith("test-fixture-crash-")) {
				reports.put(report.path("id").asString(), report);
			}
		});
		return reports;
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
