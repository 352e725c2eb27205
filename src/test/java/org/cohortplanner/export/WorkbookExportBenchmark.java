package org.cohortplanner.export;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Rows per second and heap of the schedule export: POI's streaming SXSSF (what the product uses) against the
 * in-memory XSSF, 100 k and 1 M schedule rows. Each case runs in its own JVM so that one case's heap does not
 * colour the next; every JVM gets the same maximum heap. Prints a table and the SXSSF/XSSF ratios; never fails on
 * time. How to run it: docs/benchmarks.md.
 *
 * <p>Options: {@code --heap 4g} (the -Xmx of every case), {@code --rows 100000,1000000}, {@code --skip-xssf-above N}
 * (XSSF cases with more rows are not attempted), {@code --timeout-seconds 600}, {@code --small-heap 64m} (also
 * runs the largest SXSSF case in that heap, to show it fits).
 */
public final class WorkbookExportBenchmark {
    private record Result(String engine, long rows, String heap, boolean completed, String note, double seconds,
                          long peakUsedBytes, long peakAfterGcBytes, long fileBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private WorkbookExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--case")) {
            runCase(WorkbookWriter.Engine.valueOf(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            return;
        }
        Map<String, String> options = options(args);
        String heap = options.getOrDefault("heap", "4g");
        String smallHeap = options.getOrDefault("small-heap", "64m");
        long skipXssfAbove = Long.parseLong(options.getOrDefault("skip-xssf-above", "1000000"));
        long timeoutSeconds = Long.parseLong(options.getOrDefault("timeout-seconds", "600"));
        List<Long> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("rows", "100000,1000000").split(",")) {
            sizes.add(Long.parseLong(size.strip()));
        }
        System.out.printf(Locale.ROOT, "Schedule export benchmark: %s rows, -Xmx%s per case, Java %s, %d cores%n",
                sizes, heap, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Path folder = Files.createTempDirectory("workbook-benchmark");
        List<Result> results = new ArrayList<>();
        try {
            for (long rows : sizes) {
                results.add(fork(WorkbookWriter.Engine.STREAMING, rows, heap, folder, timeoutSeconds));
                if (rows > skipXssfAbove) {
                    results.add(new Result("XSSF", rows, heap, false, "skipped (--skip-xssf-above "
                            + skipXssfAbove + ")", 0, 0, 0, 0));
                } else {
                    results.add(fork(WorkbookWriter.Engine.IN_MEMORY, rows, heap, folder, timeoutSeconds));
                }
            }
            long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
            if (!smallHeap.isBlank() && largest > 0) {
                results.add(fork(WorkbookWriter.Engine.STREAMING, largest, smallHeap, folder, timeoutSeconds));
            }
        } finally {
            deleteAll(folder);
        }
        print(results, sizes, heap);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static Result fork(WorkbookWriter.Engine engine, long rows, String heap, Path folder,
                               long timeoutSeconds) throws IOException, InterruptedException {
        String name = engine == WorkbookWriter.Engine.STREAMING ? "SXSSF" : "XSSF";
        System.out.printf(Locale.ROOT, "  running %s, %,d rows, -Xmx%s ...%n", name, rows, heap);
        Path output = folder.resolve(name + "-" + rows + "-" + heap + ".xlsx");
        Path log = folder.resolve(name + "-" + rows + "-" + heap + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), WorkbookExportBenchmark.class.getName(),
                "--case", engine.name(), Long.toString(rows), output.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(name, rows, heap, false, "did not finish within " + timeoutSeconds + " s", 0, 0, 0, 0);
        }
        List<String> lines = Files.readAllLines(log);
        Optional<String> result = lines.stream().filter(line -> line.startsWith("RESULT ")).findFirst();
        if (process.exitValue() != 0 || result.isEmpty()) {
            boolean outOfMemory = lines.stream().anyMatch(line -> line.contains("OutOfMemoryError"));
            String note = outOfMemory ? "did not fit: OutOfMemoryError" : "failed (exit " + process.exitValue()
                    + "): " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return new Result(name, rows, heap, false, note, 0, 0, 0, 0);
        }
        String[] parts = result.get().split(" ");
        return new Result(name, rows, heap, true, "", Long.parseLong(parts[1]) / 1e9, Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), Long.parseLong(parts[4]));
    }

    /** In the forked JVM: writes the schedule sheet and prints nanoseconds, peak heap used, peak after GC, size. */
    private static void runCase(WorkbookWriter.Engine engine, long rows, Path output) throws Exception {
        AtomicLong peakAfterGc = watchHeapAfterGc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        PlanWorkbookContent content = ExportFixtures.content(rows);
        long start = System.nanoTime();
        new PlanWorkbook(new WorkbookWriter(engine)).export(content, EnumSet.of(WorkbookSheet.SCHEDULE), output,
                WorkbookWriteOptions.in(ExportFixtures.SEOUL));
        long nanos = System.nanoTime() - start;
        long peakUsed = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.println("RESULT " + nanos + " " + peakUsed + " " + peakAfterGc.get() + " " + Files.size(output));
    }

    /** The most heap still in use right after any collection during the run: what the export really holds. */
    private static AtomicLong watchHeapAfterGc() {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                String type = notification.getType();
                if (!type.equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return peak;
    }

    private static void print(List<Result> results, List<Long> sizes, String heap) {
        System.out.println();
        System.out.println("| engine | rows | -Xmx | seconds | rows/s | peak heap used | peak heap after GC | file |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result result : results) {
            if (!result.completed()) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | | | | |%n", result.engine(), result.rows(),
                        result.heap(), result.note());
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f | %,.0f | %,d MB | %,d MB | %,.1f MB |%n",
                    result.engine(), result.rows(), result.heap(), result.seconds(), result.rowsPerSecond(),
                    megabytes(result.peakUsedBytes()), megabytes(result.peakAfterGcBytes()),
                    result.fileBytes() / 1e6);
        }
        System.out.println();
        for (long rows : sizes) {
            Optional<Result> streaming = find(results, "SXSSF", rows, heap);
            Optional<Result> inMemory = find(results, "XSSF", rows, heap);
            if (streaming.isPresent() && inMemory.isPresent()) {
                Result fast = streaming.get();
                Result slow = inMemory.get();
                System.out.printf(Locale.ROOT, "%,d rows: SXSSF/XSSF speed %.2f×, peak heap used %.2f, peak heap "
                                + "after GC %.2f%n", rows, fast.rowsPerSecond() / slow.rowsPerSecond(),
                        (double) fast.peakUsedBytes() / slow.peakUsedBytes(),
                        (double) fast.peakAfterGcBytes() / slow.peakAfterGcBytes());
            } else {
                System.out.printf(Locale.ROOT, "%,d rows: no ratio, XSSF %s%n", rows, results.stream()
                        .filter(r -> r.engine().equals("XSSF") && r.rows() == rows).map(Result::note).findFirst()
                        .orElse("not run"));
            }
        }
    }

    private static Optional<Result> find(List<Result> results, String engine, long rows, String heap) {
        return results.stream().filter(r -> r.completed() && r.engine().equals(engine) && r.rows() == rows
                && r.heap().equals(heap)).findFirst();
    }

    private static long megabytes(long bytes) {
        return Math.round(bytes / 1_048_576.0);
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
