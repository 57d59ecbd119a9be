package io.github.ipvs4j.benchmarks.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code results.csv}: the header {@value #HEADER}, then one measurement a line. Lines starting with {@code #}
 * and blank lines are skipped. Names hold no commas, so there is no quoting.
 *
 * <p>Besides each field's form, two things are checked because aggregation would silently go wrong otherwise: one
 * group (benchmark, tool, services, destinations) has one unit, and no round number twice.
 */
public final class ResultsCsv {
  /** The header line, exactly. */
  public static final String HEADER = "benchmark,tool,services,destinations,round,value,unit";

  private static final List<String> FIELDS = List.of(HEADER.split(",", -1));
  private static final Pattern INTEGER = Pattern.compile("[0-9]+");
  // Double.parseDouble alone would also take "NaN", "Infinity", "0x1p3" and "1d".
  private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private record Round(Row.Key key, int round) {}

  private ResultsCsv() {}

  /**
   * Opens {@code file} to append rows, in UTF-8, creating it and its directory if needed and writing {@link #HEADER}
   * first when it is new or empty: every benchmark of the suite adds its rows to the one file. Flushes at each line,
   * so the rows of a run that fails later are kept.
   */
  public static PrintWriter append(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    PrintWriter out = new PrintWriter(
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
        true);
    if (fresh) {
      out.println(HEADER);
    }
    return out;
  }

  /** Reads and checks {@code file}, in UTF-8. */
  public static List<Row> read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** Parses the file's lines, in order; throws {@link CsvFormatException} at the first malformed one. */
  public static List<Row> parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    Map<Row.Key, Row> firstOfGroup = new HashMap<>();
    Map<Round, Row> rounds = new HashMap<>();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String text = lines.get(i);
      if (i == 0 && text.startsWith("\uFEFF")) {
        text = text.substring(1); // a byte-order mark from an editor
      }
      text = text.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!text.equals(HEADER)) {
          throw new CsvFormatException(number, "header", "expected '" + HEADER + "', found '" + text + "'");
        }
        header = true;
        continue;
      }
      Row row = row(text, number);
      Row first = firstOfGroup.putIfAbsent(row.key(), row);
      if (first != null && !first.unit().equals(row.unit())) {
        throw new CsvFormatException(
            number,
            "unit",
            String.format(
                Locale.ROOT,
                "'%s' differs from '%s' on line %d for the same benchmark, tool, services and destinations",
                row.unit(),
                first.unit(),
                first.line()));
      }
      Row sameRound = rounds.putIfAbsent(new Round(row.key(), row.round()), row);
      if (sameRound != null) {
        throw new CsvFormatException(
            number,
            "round",
            String.format(
                Locale.ROOT,
                "round %d of the same benchmark, tool, services and destinations is already on line %d",
                row.round(),
                sameRound.line()));
      }
      rows.add(row);
    }
    if (!header) {
      throw new CsvFormatException(Math.max(1, lines.size()), "header", "no header line '" + HEADER + "'");
    }
    return List.copyOf(rows);
  }

  private static Row row(String text, int number) {
    String[] fields = text.split(",", -1);
    if (fields.length != FIELDS.size()) {
      throw new CsvFormatException(
          number,
          "row",
          String.format(
              Locale.ROOT, "expected %d fields (%s), found %d", FIELDS.size(), HEADER, fields.length));
    }
    return new Row(
        name(fields, 0, number),
        name(fields, 1, number),
        count(fields, 2, number),
        count(fields, 3, number),
        count(fields, 4, number),
        decimal(fields, 5, number),
        name(fields, 6, number),
        number);
  }

  private static String name(String[] fields, int index, int number) {
    String value = fields[index].strip();
    if (value.isEmpty()) {
      throw new CsvFormatException(number, FIELDS.get(index), "empty");
    }
    return value;
  }

  private static int count(String[] fields, int index, int number) {
    String value = fields[index].strip();
    if (!INTEGER.matcher(value).matches()) {
      throw new CsvFormatException(number, FIELDS.get(index), "'" + value + "' is not a non-negative integer");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new CsvFormatException(number, FIELDS.get(index), "'" + value + "' is too large");
    }
  }

  private static double decimal(String[] fields, int index, int number) {
    String value = fields[index].strip();
    if (!DECIMAL.matcher(value).matches()) {
      throw new CsvFormatException(number, FIELDS.get(index), "'" + value + "' is not a decimal number");
    }
    double parsed = Double.parseDouble(value);
    if (Double.isInfinite(parsed)) {
      throw new CsvFormatException(number, FIELDS.get(index), "'" + value + "' is out of range");
    }
    return parsed;
  }
}
