package com.themegraph.extract;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Not a test: prints the CPU time extraction takes on texts made to be expensive, at
 * sizes given in kilobytes of UTF-8, against the seeded graph's names, for
 * docs/reliability.md. Arguments: sizes (e.g. {@code 175,700,2000}), runs per size (the
 * fastest is printed), and optionally a word the case names must contain. CPU time of the
 * extracting thread, so other load on the machine changes the figures little; garbage
 * collection on other threads is not in them.
 */
public final class ExtractionTimes {

	private ExtractionTimes() {
	}

	static String fill(String unit, int bytes) {
		return unit.repeat(Math.max(1, bytes / unit.getBytes(StandardCharsets.UTF_8).length));
	}

	static String fillDistinct(IntFunction<String> unit, int bytes) {
		var text = new StringBuilder();
		int written = 0;
		for (int i = 0; written < bytes; i++) {
			var piece = unit.apply(i);
			text.append(piece);
			written += piece.getBytes(StandardCharsets.UTF_8).length;
		}
		return text.toString();
	}

	/** Two Chinese characters, different for each {@code i} up to four million. */
	static String distinct(int i) {
		return new String(new char[] { (char) (0x4E00 + i % 2000), (char) (0x5E00 + i / 2000) });
	}

	static Map<String, IntFunction<String>> cases() {
		var cases = new LinkedHashMap<String, IntFunction<String>>();
		cases.put("【a】 repeated", bytes -> fill("【a】", bytes));
		cases.put("cue, then 【a】 repeated", bytes -> "建议关注" + fill("【a】", bytes));
		cases.put("cue, then a list with names repeated", bytes -> "建议关注" + fill("Sora带动汤姆猫【汤姆猫、万兴科技】", bytes));
		cases.put("cue, then lists of unknown names",
				bytes -> "建议关注" + fillDistinct(i -> "【" + distinct(i) + "科技】", bytes));
		cases.put("one line, names, no sentence end", bytes -> fill("人工智能视频生成模型Sora与OpenAI和汤姆猫", bytes));
		cases.put("list separators 、", bytes -> fill("、", bytes));
		cases.put("digits", bytes -> fill("3004591357", bytes));
		cases.put("nested 【】", bytes -> fill("【", bytes / 2) + fill("】", bytes / 2));
		cases.put("analyst bylines, all different", bytes -> fillDistinct(i -> "证券分析师：" + distinct(i) + "\n", bytes));
		cases.put("风险提示 repeated", bytes -> fill("风险提示：", bytes));
		cases.put("blank runs between lines", bytes -> fill("\n" + " ".repeat(300) + "Sora ", bytes));
		return cases;
	}

	public static void main(String[] args) {
		var sizes = (args.length > 0 ? args[0] : "175,700,2000").split(",");
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		var only = args.length > 2 ? args[2] : null;
		var names = SeedNames.known();
		var cpu = ManagementFactory.getThreadMXBean();
		var seed = SeedNames.seedText();
		long fastest = Long.MAX_VALUE;
		for (int run = 0; run < 15; run++) {
			long start = cpu.getCurrentThreadCpuTime();
			DraftBuilder.build(seed, names);
			fastest = Math.min(fastest, cpu.getCurrentThreadCpuTime() - start);
		}
		System.out.printf("seed report text (%d KB): %.1f ms%n", seed.getBytes(StandardCharsets.UTF_8).length / 1000,
				fastest / 1e6);
		cases().forEach((name, text) -> {
			if (only != null && !name.contains(only)) {
				return;
			}
			var line = new StringBuilder(String.format("%-38s", name));
			for (var size : sizes) {
				var input = text.apply(Integer.parseInt(size) * 1000);
				long best = Long.MAX_VALUE;
				for (int run = 0; run < runs; run++) {
					long start = cpu.getCurrentThreadCpuTime();
					DraftBuilder.build(input, names);
					best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
				}
				line.append(String.format(" | %s KB: %,9.0f ms", size, best / 1e6));
			}
			System.out.println(line);
		});
	}

}
