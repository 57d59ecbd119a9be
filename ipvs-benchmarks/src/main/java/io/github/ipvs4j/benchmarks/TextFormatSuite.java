package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.benchmarks.report.ResultsCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TextFormatBenchmark} with JMH (two forks, the GC profiler) and writes its results as rows of the suite's
 * CSV: throughput per measured iteration in MB/s (text bytes over the time of one operation; a million bytes per MB),
 * and allocation per line ({@code gc.alloc.rate.norm} over the save text's lines) per fork.
 *
 * <pre>
 * TextFormatSuite CSV-FILE [FORKS [ITERATIONS]]
 * </pre>
 */
public final class TextFormatSuite {
  private TextFormatSuite() {}

  /** The benchmark methods and the names of their rows. */
  private static final Map<String, String> NAMES = Map.of(
      "parseCommands", "parse-commands",
      "parseCommandsStreamed", "parse-commands-streamed",
      "parseTable", "parse-table",
      "printSave", "print-save",
      "printListing", "print-listing");

  /** Arguments: the CSV file (rows appended), forks (default 2), measured iterations per fork (default 5). */
  public static void main(String[] args) throws Exception {
    Path csvPath = Path.of(args[0]);
    int forks = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    TextFormatBenchmark sizes = new TextFormatBenchmark();
    sizes.services = 1000;
    sizes.destinations = 100;
    sizes.setUp();
    long saveBytes = sizes.saveBytes();
    long listingBytes = sizes.listingBytes();
    long lines = sizes.lines();
    Options options = new OptionsBuilder()
        .include(TextFormatBenchmark.class.getName() + "\\.")
        .forks(forks)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(2))
        .addProfiler(GCProfiler.class)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    try (PrintWriter csv = ResultsCsv.append(csvPath)) {
      for (RunResult run : results) {
        String method = run.getParams().getBenchmark().replaceAll(".*\\.", "");
        String name = NAMES.get(method);
        long bytes = method.equals("printListing") ? listingBytes : saveBytes;
        int round = 0;
        int fork = 0;
        for (BenchmarkResult forkResult : run.getBenchmarkResults()) {
          for (IterationResult iteration : forkResult.getIterationResults()) {
            double msPerOp = iteration.getPrimaryResult().getScore();
            csv.printf(Locale.ROOT, "%s,ipvs4j,%d,%d,%d,%.1f,MB/s%n", name, sizes.services, sizes.destinations,
                ++round, bytes / 1e6 / (msPerOp / 1e3));
          }
          Result<?> alloc = forkResult.getSecondaryResults().get("gc.alloc.rate.norm");
          if (alloc != null) {
            csv.printf(Locale.ROOT, "%s-alloc,ipvs4j,%d,%d,%d,%.1f,B/line%n", name, sizes.services,
                sizes.destinations, ++fork, alloc.getScore() / lines);
          }
        }
      }
    }
  }
}
