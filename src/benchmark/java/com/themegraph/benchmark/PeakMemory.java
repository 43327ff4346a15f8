package com.themegraph.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The highest heap use of this JVM: the heap just before each collection (when it is fullest),
 * and a sample every 50 ms for the time between collections.
 */
final class PeakMemory implements AutoCloseable {

	private final AtomicLong peak = new AtomicLong();

	private final Thread sampler;

	private volatile boolean running = true;

	PeakMemory() {
		Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.map(pool -> pool.getName())
			.collect(Collectors.toSet());
		for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
					long before = info.getGcInfo()
						.getMemoryUsageBeforeGc()
						.entrySet()
						.stream()
						.filter(entry -> heapPools.contains(entry.getKey()))
						.mapToLong(entry -> entry.getValue().getUsed())
						.sum();
					peak.accumulateAndGet(before, Math::max);
				}
			}, null, null);
		}
		var memory = ManagementFactory.getMemoryMXBean();
		sampler = Thread.ofPlatform().daemon().name("peak-memory").start(() -> {
			while (running) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	long peakHeapBytes() {
		peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
		return peak.get();
	}

	static long maxHeapBytes() {
		return Runtime.getRuntime().maxMemory();
	}

	/** Peak resident set size of a process (VmHWM), in bytes; -1 where /proc does not say. */
	static long peakResidentBytes(long pid) {
		try {
			for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Not Linux, or the process is gone.
		}
		return -1;
	}

	@Override
	public void close() {
		running = false;
		sampler.interrupt();
	}

}
