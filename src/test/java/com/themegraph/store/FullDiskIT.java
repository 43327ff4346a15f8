package com.themegraph.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service and the command line on a small file system of their own (a loop-mounted
 * ext4 image, or tmpfs where loop devices are not available), filled up for real: writes
 * are refused with 507 while reads go on, a store that meets ENOSPC anyway answers for it
 * and lets SIGTERM end the process, and once space returns the store opens with every
 * acknowledged report whole and nothing partial. Mounting needs root; without it the test
 * is skipped, saying so. The services run as child processes on the packaged jar, as in
 * {@code CrashRecoveryIT}.
 */
class FullDiskIT {

	static final String KEY = "full-disk-test-key";

	static final long MB = 1024 * 1024;

	/**
	 * Big enough for the service test's three phases, small enough to fill in seconds.
	 * The seeded store holds the shipped directory's 9,700 companies and the vocabulary:
	 * about 150 MB on its own, hence the room above that.
	 */
	static final long FILE_SYSTEM = 384 * MB;

	/** The minimum free space the guarded runs are given. */
	static final long MINIMUM = 40 * MB;

	/** Padding per report: 100,000 characters, about 0.4 MB in the transaction log. */
	static final int PADDING = 20_000;

	static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

	/**
	 * SIGTERM to exit: the shutdown timeout plus the web server's graceful stop, on a
	 * busy machine.
	 */
	static final Duration EXIT_BOUND = Duration.ofSeconds(60);

	static final List<String> COMPANIES = List.of("万兴科技:300624.SZ", "昆仑万维:300418.SZ", "美图公司:1357.HK", "汤姆猫:300459.SZ",
			"风语筑:603466.SH", "中文在线:300364.SZ", "上海电影:601595.SH", "光线传媒:300251.SZ", "奥飞娱乐:002292.SZ", "华策影视:300133.SZ",
			"果麦文化:301052.SZ", "荣信文化:301231.SZ", "因赛集团:300781.SZ", "蓝色光标:300058.SZ", "浙文互联:600986.SH", "天龙集团:300063.SZ",
			"龙韵股份:603729.SH", "青木股份:301110.SZ", "思美传媒:002712.SZ", "中视传媒:600088.SH", "芒果超媒:300413.SZ", "中广天择:603721.SH",
			"国脉文化:600640.SH", "中国电影:600977.SH", "浙文影业:601599.SH");

	static final JsonMapper json = JsonMapper.builder().build();

	static final Path ROOT = Path.of("target", "full-disk-it").toAbsolutePath();

	static final Path MOUNT = ROOT.resolve("mnt");

	static final Path LOGS = ROOT.resolve("logs");

	static Path image;

	static boolean mounted;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final List<Process> processes = new ArrayList<>();

	record Exchange(int status, String contentType, JsonNode body) {
	}

	record Run(int exit, String out, List<String> errLines, Duration took) {
	}

	record Service(Process process, Path log) {
	}

	@BeforeAll
	static void mountSmallFileSystem() throws Exception {
		assumeTrue(System.getProperty("os.name").startsWith("Linux"), "mounting a small file system needs Linux");
		var uid = command("id", "-u");
		assumeTrue(uid.exit() == 0 && uid.out().strip().equals("0"),
				"mounting a small file system needs root (id -u says " + uid.out().strip() + ")");
		Files.createDirectories(MOUNT);
		Files.createDirectories(LOGS);
		command("umount", MOUNT.toString()); // left over from an aborted run, if any
		image = ROOT.resolve("disk.img");
		Files.deleteIfExists(image);
		try (var file = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			file.write(ByteBuffer.allocate(1), FILE_SYSTEM - 1);
		}
		// No blocks reserved for root: the service runs as root here, and usable space
		// must be all there is.
		var mkfs = command("mkfs.ext4", "-q", "-F", "-m", "0", image.toString());
		var loop = mkfs.exit() == 0 ? command("mount", "-o", "loop", image.toString(), MOUNT.toString()) : mkfs;
		if (loop.exit() != 0) {
			var tmpfs = command("mount", "-t", "tmpfs", "-o", "size=" + FILE_SYSTEM / MB + "m", "tmpfs",
					MOUNT.toString());
			assumeTrue(tmpfs.exit() == 0, "cannot mount a small file system: ext4 on a loop device ("
					+ loop.out().strip() + "), tmpfs (" + tmpfs.out().strip() + ")");
		}
		mounted = true;
		System.out.printf("Full disk: %s file system of %d MB at %s%n", loop.exit() == 0 ? "ext4 loop" : "tmpfs",
				FILE_SYSTEM / MB, MOUNT);
	}

	@AfterAll
	static void unmount() throws Exception {
		if (mounted) {
			var umount = command("umount", MOUNT.toString());
			if (umount.exit() != 0) {
				command("umount", "-l", MOUNT.toString());
			}
			mounted = false;
		}
		if (image != null) {
			Files.deleteIfExists(image);
		}
	}

	@BeforeEach
	void emptyFileSystem() throws IOException {
		deleteContents(MOUNT);
	}

	@AfterEach
	void stopProcesses() throws Exception {
		for (var process : processes) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		deleteContents(MOUNT);
		deleteContents(ROOT.resolve("cli-reports"));
	}

	/**
	 * Guarded: writes answer 507 below the minimum, reads 200, readiness DOWN with the
	 * reason. Unguarded (minimum 0): Neo4j meets ENOSPC, the write answers 507, the
	 * stopped store 503, liveness DOWN, and SIGTERM still ends the process. With space
	 * back, every acknowledged report is there whole.
	 */
	@Test
	void writesAreRefusedOnALowDiskAndAFullOneLosesNothingAcknowledged() throws Exception {
		var data = MOUNT.resolve("service").resolve("data");
		var acknowledged = new TreeSet<Integer>();
		int next = 1;

		// Guarded: a little more than the minimum is left, and reports are posted until
		// refused.
		int port = freePort();
		var service = startService(port, data, "40MB");
		fill(MOUNT.resolve("filler"), usable() - MINIMUM - 12 * MB);
		Exchange refused = null;
		for (; next <= 200 && refused == null; next++) {
			var answer = send("POST", port, "/api/reports", report(next));
			if (answer.status() == 201) {
				acknowledged.add(next);
			}
			else {
				refused = answer;
			}
		}
		assertThat(acknowledged).as("reports written before the guard refused").isNotEmpty();
		assertThat(refused).as("a write refused before the disk filled").isNotNull();
		assertInsufficientStorage(refused, "below the 40.0 MB minimum", "nothing was written");
		int refusedId = next - 1;
		var deleted = send("DELETE", port, "/api/reports/" + id(acknowledged.first()), null);
		assertInsufficientStorage(deleted, "below the 40.0 MB minimum", "nothing was written");

		var reports = reports(port);
		assertThat(reports.keySet()).as("reads go on").containsExactlyElementsOf(ids(acknowledged));
		reports.values().forEach(this::assertWhole);
		assertThat(send("GET", port, "/api/reports/" + id(acknowledged.first()), null).status()).isEqualTo(200);
		assertThat(send("GET", port, "/api/reports/" + id(refusedId), null).status()).isEqualTo(404);
		var readiness = send("GET", port, "/actuator/health/readiness", null);
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body().path("status").asString()).isEqualTo("DOWN");
		var disk = readiness.body().path("components").path("storeDiskSpace");
		assertThat(disk.path("status").asString()).isEqualTo("DOWN");
		assertThat(disk.path("details").path("reason").asString()).startsWith("the disk holding the graph store has ")
			.contains("below the 40.0 MB minimum: writes are refused until space is freed");
		assertThat(readiness.body().path("components").path("neo4j").path("status").asString()).isEqualTo("UP");
		var liveness = send("GET", port, "/actuator/health/liveness", null);
		assertThat(liveness.status()).as("nothing a restart would fix").isEqualTo(200);
		// Then another process takes the rest: Neo4j's final flush at shutdown has
		// nowhere to go.
		fillUp(MOUNT.resolve("filler-2"));
		var guardedExit = terminate(service);
		System.out.printf(
				"Full disk, guarded: %d reports acknowledged, then 507 (%s); with the disk then filled to the "
						+ "last block, SIGTERM ended the service in %.1f s (Neo4j's shutdown %s)%n",
				acknowledged.size(), refused.body().path("detail").asString(), guardedExit.toMillis() / 1000.0,
				shutdown(service.log()));
		Files.delete(MOUNT.resolve("filler-2"));

		// Unguarded: Neo4j itself meets the full disk.
		service = startService(port, data, "0");
		Exchange failed = null;
		for (; next <= 600 && failed == null; next++) {
			var answer = send("POST", port, "/api/reports", report(next));
			if (answer.status() == 201) {
				acknowledged.add(next);
			}
			else {
				failed = answer;
			}
		}
		assertThat(failed).as("a write that met the full disk").isNotNull();
		int inFlight = next - 1;
		assertInsufficientStorage(failed, "filled up and the store has stopped", "wrote nothing");
		var read = send("GET", port, "/api/reports", null);
		assertThat(read.status()).as("the stopped store answers no reads either").isEqualTo(503);
		assertThat(read.contentType()).isEqualTo("application/problem+json");
		assertThat(read.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/store-unavailable");
		assertThat(read.body().path("detail").asString()).contains("stopped when its disk filled up");
		liveness = send("GET", port, "/actuator/health/liveness", null);
		assertThat(liveness.status()).isEqualTo(503);
		var store = liveness.body().path("components").path("embeddedNeo4j");
		assertThat(store.path("status").asString()).isEqualTo("DOWN");
		assertThat(store.path("details").path("reason").asString())
			.isEqualTo("Neo4j stopped when its disk filled up; restart the service once space is freed");
		assertThat(store.path("details").path("cause").asString()).contains("No space left on device");
		assertThat(send("GET", port, "/actuator/health/readiness", null).status()).isEqualTo(503);
		var fullExit = terminate(service);
		System.out.printf(
				"Full disk, unguarded: ENOSPC at report %d (%d acknowledged in all); SIGTERM ended the "
						+ "service in %.1f s (Neo4j's shutdown %s)%n",
				inFlight, acknowledged.size(), fullExit.toMillis() / 1000.0, shutdown(service.log()));

		// Space returns: the store recovers from its transaction log.
		Files.delete(MOUNT.resolve("filler"));
		service = startService(port, data, "40MB");
		reports = reports(port);
		assertThat(reports.keySet()).as("every acknowledged report").containsAll(ids(acknowledged));
		var unacknowledged = new TreeSet<>(reports.keySet());
		unacknowledged.removeAll(ids(acknowledged));
		assertThat(unacknowledged).as("only the report in flight when the disk filled may be there besides")
			.isSubsetOf(List.of(id(inFlight)));
		reports.values().forEach(this::assertWhole);
		assertThat(send("GET", port, "/actuator/health/readiness", null).status()).isEqualTo(200);
		assertThat(send("POST", port, "/api/reports", report(next)).status()).as("writes work again").isEqualTo(201);
		terminate(service);
		System.out.printf("Full disk, space back: %d acknowledged reports whole after restart, %d more, none partial%n",
				acknowledged.size(), unacknowledged.size());
	}

	/**
	 * The command line stops with one line on standard error and exit code 3: refused
	 * before a batch when the disk is below the minimum, and when the store meets ENOSPC
	 * mid-load (the store's shutdown is then abandoned after the timeout rather than
	 * retried forever). Loading again with space back finds exactly the batches
	 * acknowledged before.
	 */
	@Test
	void theCommandLineStopsWithOneLineWhenTheDiskIsFull() throws Exception {
		var data = MOUNT.resolve("cli").resolve("data");
		var folder = Files.createDirectories(ROOT.resolve("cli-reports"));
		try (Stream<Path> old = Files.list(folder)) {
			for (var file : old.toList()) {
				Files.delete(file);
			}
		}
		int total = 100;
		for (int i = 1; i <= total; i++) {
			Files.writeString(folder.resolve(id(i) + ".json"), report(i), StandardCharsets.UTF_8);
		}
		var stopped = Pattern.compile("the first (\\d+) of " + total + " files were done before it stopped");

		// Room for the store and one batch (about 40 reports, 15 MB) above the minimum,
		// not two.
		fill(MOUNT.resolve("filler"), usable() - MINIMUM - 12 * MB);
		var guarded = load(data, "40MB", folder);
		assertThat(guarded.exit()).as(guarded.toString()).isEqualTo(3);
		assertThat(guarded.errLines()).as("standard error").hasSize(1);
		var line = guarded.errLines().get(0);
		assertThat(line).startsWith("themegraph: the disk holding " + data + " has ")
			.contains("below the 40.0 MB minimum (THEMEGRAPH_MIN_FREE_SPACE), so loading stopped before writing more");
		var matcher = stopped.matcher(line);
		assertThat(matcher.find()).as(line).isTrue();
		int firstBatch = Integer.parseInt(matcher.group(1));
		assertThat(firstBatch).isBetween(1, total - 1);

		// Unguarded, and less room than a batch needs: Neo4j meets ENOSPC.
		fill(MOUNT.resolve("filler-2"), usable() - 8 * MB);
		var full = load(data, "0", folder);
		assertThat(full.exit()).as(full.toString()).isEqualTo(3);
		assertThat(full.errLines()).as("standard error").hasSize(1);
		assertThat(full.errLines().get(0)).isEqualTo("themegraph: the disk holding " + data
				+ " filled up during the load and the store stopped; the first " + firstBatch + " of " + total
				+ " files were done before it stopped, and what they loaded is kept. Free space, then run load "
				+ "again: what is loaded is skipped as unchanged.");

		// Space back: exactly the first batch is there, whole (unchanged), and the rest
		// loads.
		Files.delete(MOUNT.resolve("filler"));
		Files.delete(MOUNT.resolve("filler-2"));
		var again = load(data, "16MB", folder);
		assertThat(again.exit()).as(again.toString()).isZero();
		assertThat(again.out())
			.contains("reports: " + (total - firstBatch) + " new, " + firstBatch + " unchanged, 0 updated, 0 refused");
		System.out.printf("Full disk, command line: refused after %d of %d reports (%.1f s); ENOSPC in the next batch "
				+ "ended in %.1f s with exit 3 (Neo4j's shutdown %s); reload found those %d unchanged and loaded %d%n",
				firstBatch, total, guarded.took().toMillis() / 1000.0, full.took().toMillis() / 1000.0,
				shutdown(full.out()), firstBatch, total - firstBatch);
	}

	void assertInsufficientStorage(Exchange answer, String... detail) {
		assertThat(answer.status()).isEqualTo(507);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/insufficient-storage");
		assertThat(answer.body().path("title").asString()).isEqualTo("Insufficient storage");
		assertThat(answer.body().path("detail").asString()).contains(detail);
	}

	void assertWhole(JsonNode summary) {
		assertThat(summary.path("recommendations").asInt()).as(summary.path("id").asString()).isEqualTo(25);
		assertThat(summary.path("themes").asInt()).as(summary.path("id").asString()).isEqualTo(1);
	}

	static String id(int i) {
		return "test-fixture-disk-" + i;
	}

	static List<String> ids(java.util.Collection<Integer> numbers) {
		return numbers.stream().map(FullDiskIT::id).sorted().toList();
	}

	/**
	 * Report i: all 25 seed companies in one theme, and 100,000 characters of padding
	 * text.
	 */
	static String report(int i) {
		var names = COMPANIES.stream().map(c -> c.split(":")[0]).toList();
		var list = "【" + String.join("，", names) + "】";
		var text = "TEST FIXTURE: 磁盘测试报告 " + i + "，不是真实研报。\n证券分析师 测试分析师 资格编号：S0000000000001\n"
				+ "我们认为 Sora 推动 AI 视频工具迭代。建议关注磁盘测试组合：" + list + "。\n" + "填充文本。".repeat(PADDING) + "\n";
		var companies = new ArrayList<Map<String, String>>();
		for (var company : COMPANIES) {
			var parts = company.split(":");
			companies.add(Map.of("code", parts[1], "name", parts[0], "quote", list));
		}
		var document = new LinkedHashMap<String, Object>();
		document.put("kind", "report");
		document.put("id", id(i));
		document.put("title", "磁盘测试报告 " + i);
		document.put("broker", "test-fixture-broker");
		document.put("industry", "传媒");
		document.put("rating", "中性");
		document.put("published", Map.of("earliest", "2024-04-01", "latest", "2024-04-01", "precision", "day"));
		document.put("language", "zh");
		document.put("analysts", List
			.of(Map.of("person", "test-fixture-analyst", "role", "证券分析师", "quote", "证券分析师 测试分析师 资格编号：S0000000000001")));
		document.put("about", List.of(Map.of("entity", "sora", "quote", "我们认为 Sora 推动 AI 视频工具迭代。")));
		document.put("themes", List.of(Map.of("id", "test-fixture-disk-theme", "name", "磁盘测试组合", "quote", "建议关注磁盘测试组合",
				"companies", companies)));
		document.put("entities",
				Map.of("organizations", List.of(Map.of("id", "test-fixture-broker", "name", "测试证券", "type", "broker")),
						"people", List.of(Map.of("id", "test-fixture-analyst", "name", "测试分析师"))));
		document.put("text", text);
		return json.writeValueAsString(document);
	}

	static Path jar() throws IOException {
		try (Stream<Path> target = Files.list(Path.of("target"))) {
			return target.filter(p -> p.getFileName().toString().matches("themegraph-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package the jar first (mvn verify does)"))
				.toAbsolutePath();
		}
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** How Neo4j's shutdown went, from what the service logged. */
	static String shutdown(Path log) throws IOException {
		return shutdown(Files.readString(log));
	}

	static String shutdown(String log) {
		if (log.contains("did not shut down within")) {
			return "given up after the " + SHUTDOWN_TIMEOUT.toSeconds() + " s timeout";
		}
		if (log.contains("not shutting it down")) {
			return "skipped: the store had stopped";
		}
		return "completed";
	}

	Service startService(int port, Path data, String minimum) throws Exception {
		var log = LOGS.resolve("service-" + System.nanoTime() + ".log");
		var process = new ProcessBuilder(java(), "-Xmx512m", "-jar", jar().toString(), "--server.port=" + port,
				"--themegraph.embedded.data-directory=" + data, "--themegraph.embedded.bolt-port=0",
				"--themegraph.embedded.page-cache=32m", "--themegraph.security.api-key=" + KEY,
				"--themegraph.store.min-free-space=" + minimum,
				"--themegraph.store.shutdown-timeout=" + SHUTDOWN_TIMEOUT.toSeconds() + "s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		processes.add(process);
		var deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("service started; see " + log).isTrue();
			try {
				if (send("GET", port, "/api/reports", null).status() == 200) {
					return new Service(process, log);
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("service did not answer within 4 minutes; see " + log);
	}

	/** SIGTERM, and how long the process took to end. */
	static Duration terminate(Service service) throws InterruptedException {
		long started = System.nanoTime();
		service.process().destroy();
		assertThat(service.process().waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS))
			.as("the service ended within %s of SIGTERM", EXIT_BOUND)
			.isTrue();
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** {@code themegraph load FOLDER}, as bin/themegraph runs it, on its own JVM. */
	Run load(Path data, String minimum, Path folder) throws Exception {
		var name = "load-" + System.nanoTime();
		var out = LOGS.resolve(name + ".out");
		var err = LOGS.resolve(name + ".err");
		long started = System.nanoTime();
		var process = new ProcessBuilder(java(), "-Xmx512m", "-Dthemegraph.embedded.data-directory=" + data,
				"-Dthemegraph.embedded.bolt-port=0", "-Dthemegraph.embedded.page-cache=32m",
				"-Dthemegraph.store.min-free-space=" + minimum,
				"-Dthemegraph.store.shutdown-timeout=" + SHUTDOWN_TIMEOUT.toSeconds() + "s",
				"-Dloader.main=com.themegraph.cli.ThemeGraphCli", "-cp", jar().toString(),
				"org.springframework.boot.loader.launch.PropertiesLauncher", "load", folder.toString())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		processes.add(process);
		assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("load ended; see " + out).isTrue();
		var took = Duration.ofNanos(System.nanoTime() - started);
		// What a user reads on standard error, as bin/themegraph shows it: without the
		// JVM's own warnings (it filters them) and without the progress bar, which
		// redraws one line in place.
		var lines = Pattern.compile("[\r\n]+")
			.splitAsStream(Files.readString(err))
			.filter(l -> !l.isBlank() && !l.startsWith("WARNING: ") && !l.matches("Loading\\s+\\d+%.*"))
			.toList();
		return new Run(process.exitValue(), Files.readString(out), lines, took);
	}

	Exchange send(String method, int port, String path, String body) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		// Writes need the key, and so do health's components and their reasons.
		if (!"GET".equals(method) || path.startsWith("/actuator/health")) {
			request.header("X-API-Key", KEY);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		var contentType = response.headers().firstValue("Content-Type").orElse("");
		return new Exchange(response.statusCode(), contentType,
				contentType.contains("json") ? json.readTree(response.body()) : null);
	}

	/** This test's reports the service lists, by id. */
	Map<String, JsonNode> reports(int port) throws IOException, InterruptedException {
		var list = send("GET", port, "/api/reports?limit=500", null);
		assertThat(list.status()).isEqualTo(200);
		var reports = new TreeMap<String, JsonNode>();
		list.body().path("items").forEach(report -> {
			if (report.path("id").asString().startsWith("test-fixture-disk-")) {
				reports.put(report.path("id").asString(), report);
			}
		});
		return reports;
	}

	static long usable() throws IOException {
		return Files.getFileStore(MOUNT).getUsableSpace();
	}

	/** Writes zeros (not a sparse file: the blocks must be taken). */
	static void fill(Path file, long bytes) throws IOException {
		// The seeded store (directory and vocabulary) may already leave less than asked:
		// then the disk is as full as the test wants it, and the file stays empty (it is
		// still made: later steps delete it to free space).
		if (bytes <= 0) {
			Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			return;
		}
		var chunk = ByteBuffer.allocate((int) MB);
		try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			for (long written = 0; written < bytes;) {
				chunk.clear().limit((int) Math.min(MB, bytes - written));
				written += channel.write(chunk);
			}
			channel.force(true);
		}
	}

	/** Writes zeros until the file system says it is full. */
	static void fillUp(Path file) throws IOException {
		var chunk = ByteBuffer.allocate((int) MB);
		try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			while (true) {
				channel.write(chunk.clear());
			}
		}
		catch (IOException full) {
			assertThat(full).hasMessageContaining("No space left on device");
		}
		assertThat(usable()).isLessThan(MB);
	}

	static void deleteContents(Path directory) throws IOException {
		if (!Files.isDirectory(directory) || directory.equals(MOUNT) && !mounted) {
			return;
		}
		try (Stream<Path> tree = Files.walk(directory)) {
			for (var path : tree.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(directory)).toList()) {
				if (!path.getFileName().toString().equals("lost+found")) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	record Command(int exit, String out) {
	}

	static Command command(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException notInstalled) {
			return new Command(-1, notInstalled.getMessage());
		}
		var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return new Command(-1, String.join(" ", command) + " did not end");
		}
		return new Command(process.exitValue(), out);
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
