package io.github.ipvs4j.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes {@code results.json}: {@code {"environment": {...}, "results": [...]}}, one result a line so that two runs
 * diff line by line.
 */
public final class ResultsJson {
  private ResultsJson() {}

  /** The document for {@code environment} and {@code results}, ending with a newline. */
  public static String write(SortedMap<String, String> environment, List<Aggregate> results) {
    StringBuilder out = new StringBuilder("{\n  \"environment\": {");
    String separator = "\n";
    for (Map.Entry<String, String> e : environment.entrySet()) {
      out.append(separator).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
      separator = ",\n";
    }
    out.append(environment.isEmpty() ? "}" : "\n  }").append(",\n  \"results\": [");
    separator = "\n";
    for (Aggregate a : results) {
      out.append(separator)
          .append("    {\"benchmark\": ")
          .append(quote(a.benchmark()))
          .append(", \"tool\": ")
          .append(quote(a.tool()))
          .append(", \"services\": ")
          .append(a.services())
          .append(", \"destinations\": ")
          .append(a.destinations())
          .append(", \"unit\": ")
          .append(quote(a.unit()))
          .append(", \"rounds\": [");
      for (int i = 0; i < a.rounds().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(number(a.rounds().get(i)));
      }
      out.append("], \"median\": ")
          .append(number(a.median()))
          .append(", \"min\": ")
          .append(number(a.min()))
          .append(", \"max\": ")
          .append(number(a.max()))
          .append('}');
      separator = ",\n";
    }
    return out.append(results.isEmpty() ? "]" : "\n  ]").append("\n}\n").toString();
  }

  /** {@code text} as a JSON string literal, quotes included. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // U+2028 and U+2029 are legal JSON but end a line in JavaScript source
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A finite number as JSON: whole values without a fraction (12000000, not 1.2E7). */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value); // such as 0.5 or 1.0E-7, both JSON
  }
}
