package io.github.ipvs4j.benchmarks.report;

import java.util.Locale;

/** A line of {@code results.csv} that does not follow the contract; the message names the line and the field. */
public final class CsvFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String field;

  /** A problem with {@code field} (a column name, or "header" or "row") on line {@code line}, from 1. */
  public CsvFormatException(int line, String field, String problem) {
    super(String.format(Locale.ROOT, "results.csv line %d, field %s: %s", line, field, problem));
    this.line = line;
    this.field = field;
  }

  /** The line's number, from 1. */
  public int line() {
    return line;
  }

  /** The column's name, or "header" or "row" for a problem with the whole line. */
  public String field() {
    return field;
  }
}
