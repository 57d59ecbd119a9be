package io.github.ipvs4j.benchmarks.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Formats a median for a reader: times in ms (or µs), sizes in MiB (or KiB), throughput with one decimal. */
public final class UnitFormat {
  private static final double NS_PER_MS = 1e6;
  private static final double NS_PER_US = 1e3;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private UnitFormat() {}

  /**
   * {@code value} in {@code unit} as text: {@code ns} as ms with 1 decimal from 10 ms, 2 from 1 ms, else 3, and as
   * µs (3 decimals) below 0.001 ms; {@code bytes} as MiB with 1 decimal, or KiB below 0.1 MiB (which would read
   * 0.0); {@code MB/s} with 1 decimal; any other unit as the plain number followed by the unit.
   */
  public static String format(double value, String unit) {
    return switch (unit) {
      case "ns" -> time(value);
      case "bytes" -> bytes(value);
      case "MB/s" -> String.format(Locale.ROOT, "%.1f MB/s", value);
      default -> plain(value) + " " + unit;
    };
  }

  private static String time(double ns) {
    double ms = ns / NS_PER_MS;
    double size = Math.abs(ms);
    if (size >= 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    } else if (size >= 1) {
      return String.format(Locale.ROOT, "%.2f ms", ms);
    } else if (size >= 0.001) {
      return String.format(Locale.ROOT, "%.3f ms", ms);
    }
    return String.format(Locale.ROOT, "%.3f µs", ns / NS_PER_US);
  }

  private static String bytes(double bytes) {
    double mib = bytes / BYTES_PER_MIB;
    if (Math.abs(mib) >= 0.1) {
      return String.format(Locale.ROOT, "%.1f MiB", mib);
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
  }

  /** The shortest decimal that reads back as {@code value}, without exponent or trailing zeros: 52.5, 1000. */
  public static String plain(double value) {
    if (value == 0) {
      return "0"; // also for -0.0
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
