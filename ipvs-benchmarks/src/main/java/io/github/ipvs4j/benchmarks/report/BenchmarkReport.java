package io.github.ipvs4j.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one benchmark run's {@code results.csv} and {@code environment.properties} into {@code results.json}, SVG
 * plots and {@code BENCHMARKS.md}, all written next to them; JDK only.
 *
 * <pre>
 * BenchmarkReport RESULTS_DIR [--publish REPO_ROOT]
 * </pre>
 *
 * <p>For example, with this {@code results.csv}
 *
 * <pre>
 * benchmark,tool,services,destinations,round,value,unit
 * apply,ipvs4j,1000,10,1,21000000,ns
 * apply,ipvs4j,1000,10,2,19000000,ns
 * apply,ipvsadm,1000,10,1,98000000,ns
 * apply,ipvs4j,10000,10,1,180000000,ns
 * apply,ipvsadm,10000,10,1,950000000,ns
 * </pre>
 *
 * the table for {@code apply} reads 19.0 ms for ipvs4j at 1000 x 10 (of two rounds, the median is the lower middle
 * value) and 98.0 ms for ipvsadm, so ipvsadm/ipvs4j is 5.16; at 10000 x 10 it reads 180.0 and 950.0 ms, ratio 5.28,
 * and the target "apply at 10000 x 10: ipvsadm/ipvs4j {@code >=} 5.0" is met, while "ipvs4j/floor {@code <=} 1.3"
 * is not measured (no floor rows). The two service counts make one plot, {@code apply-m10.svg}. With {@code
 * --publish .} from the repository's root, {@code BENCHMARKS.md} also goes to the root and the plot to {@code
 * ipvs-benchmarks/results/}, linked from there.
 *
 * <p>The template is the file named by the system property {@value #TEMPLATE_PROPERTY} if set, else {@value
 * #TEMPLATE_PATH} under the publish root when publishing (it must exist), else under the current directory if it exists,
 * else a built-in one.
 */
public final class BenchmarkReport {
  /** The system property naming the template file. */
  public static final String TEMPLATE_PROPERTY = "ipvs4j.report.template";

  /** Where the project's template is, from the repository's root. */
  public static final String TEMPLATE_PATH = "ipvs-benchmarks/BENCHMARKS.template.md";

  /** Where published plots go, from the repository's root. */
  public static final String PUBLISHED_PLOTS = "ipvs-benchmarks/results";

  private static final String USAGE = "usage: BenchmarkReport RESULTS_DIR [--publish REPO_ROOT]";

  private BenchmarkReport() {}

  /** The command line: {@code RESULTS_DIR [--publish REPO_ROOT]}. */
  record Arguments(Path resultsDir, Optional<Path> publishRoot) {
    static Arguments parse(String... args) {
      Path results = null;
      Path publish = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--publish")) {
          if (i + 1 == args.length || publish != null) {
            throw new IllegalArgumentException("--publish takes one REPO_ROOT");
          }
          publish = Path.of(args[++i]);
        } else if (args[i].startsWith("-") || results != null) {
          throw new IllegalArgumentException("unexpected argument: " + args[i]);
        } else {
          results = Path.of(args[i]);
        }
      }
      if (results == null) {
        throw new IllegalArgumentException("no RESULTS_DIR");
      }
      return new Arguments(results, Optional.ofNullable(publish));
    }
  }

  /** Runs the report; exits with 2 on a bad command line and 1 on a missing or malformed input. */
  public static void main(String[] args) throws IOException {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("BenchmarkReport: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    try {
      run(arguments.resultsDir(), arguments.publishRoot(), template(arguments.publishRoot()));
    } catch (CsvFormatException | NoSuchFileException e) {
      String what = e instanceof NoSuchFileException ? "no such file: " : "";
      System.err.println("BenchmarkReport: " + what + e.getMessage());
      System.exit(1);
    }
  }

  /** Reads {@code resultsDir}'s inputs and writes the report there, and under {@code publishRoot} if given. */
  public static void run(Path resultsDir, Optional<Path> publishRoot, String template) throws IOException {
    List<Row> rows = ResultsCsv.read(resultsDir.resolve("results.csv"));
    SortedMap<String, String> environment = environment(resultsDir.resolve("environment.properties"));
    List<Aggregate> aggregates = Aggregate.of(rows);
    List<Ratio> ratios = Ratio.of(aggregates);
    List<Targets.Result> targets = Targets.evaluate(aggregates, ratios);
    List<SvgPlot.Plot> plots = SvgPlot.plots(aggregates);
    String date = environment.getOrDefault("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    MarkdownReport report = new MarkdownReport(environment, aggregates, ratios, targets, plots, date);

    Files.writeString(resultsDir.resolve("results.json"), ResultsJson.write(environment, aggregates));
    for (SvgPlot.Plot plot : plots) {
      Files.writeString(resultsDir.resolve(plot.fileName()), plot.svg());
    }
    Files.writeString(resultsDir.resolve("BENCHMARKS.md"), report.render(template, ""));
    System.out.printf(
        Locale.ROOT,
        "BenchmarkReport: %d rows, %d results, %d plots in %s%n",
        rows.size(),
        aggregates.size(),
        plots.size(),
        resultsDir);

    if (publishRoot.isPresent()) {
      Path root = publishRoot.get();
      Path plotDir = Files.createDirectories(root.resolve(PUBLISHED_PLOTS));
      for (SvgPlot.Plot plot : plots) {
        Files.writeString(plotDir.resolve(plot.fileName()), plot.svg());
      }
      Files.writeString(root.resolve("BENCHMARKS.md"), report.render(template, PUBLISHED_PLOTS + "/"));
      System.out.printf(
          Locale.ROOT, "BenchmarkReport: published BENCHMARKS.md and %d plots under %s%n", plots.size(), root);
    }
  }

  /**
   * The template: see the class comment for where it is looked for. Publishing takes the project's template under the
   * publish root, and a missing one is an error: a report published without it lost its prose once.
   */
  static String template(Optional<Path> publishRoot) throws IOException {
    String named = System.getProperty(TEMPLATE_PROPERTY);
    if (named != null) {
      return Files.readString(Path.of(named)); // named on purpose, so missing is an error
    }
    if (publishRoot.isPresent()) {
      return Files.readString(publishRoot.get().resolve(TEMPLATE_PATH));
    }
    Path project = Path.of(TEMPLATE_PATH);
    if (Files.isRegularFile(project)) {
      return Files.readString(project);
    }
    return MarkdownReport.BUILT_IN_TEMPLATE;
  }

  /**
   * The properties of {@code file}, sorted by key; none if it is missing. Read as UTF-8, as a script writes it, or as
   * ISO 8859-1, as {@link Properties#store(java.io.OutputStream, String)} does, if it is not UTF-8.
   */
  static SortedMap<String, String> environment(Path file) throws IOException {
    if (!Files.exists(file)) {
      System.err.println("BenchmarkReport: no " + file + ", the environment is left empty");
      return new TreeMap<>();
    }
    Properties properties;
    try {
      properties = load(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      properties = load(file, StandardCharsets.ISO_8859_1);
    }
    SortedMap<String, String> sorted = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      sorted.put(key, properties.getProperty(key));
    }
    return sorted;
  }

  private static Properties load(Path file, Charset charset) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, charset)) {
      properties.load(in);
    }
    return properties;
  }
}
