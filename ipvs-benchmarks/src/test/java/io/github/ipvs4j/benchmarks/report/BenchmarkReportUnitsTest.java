package io.github.ipvs4j.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link UnitFormat}: medians as a reader sees them in the tables. */
class BenchmarkReportUnitsTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1234567890 | ns     | 1234.6 ms",
        "10000000   | ns     | 10.0 ms",
        "9876543    | ns     | 9.88 ms",
        "1000000    | ns     | 1.00 ms",
        "456789     | ns     | 0.457 ms",
        "1000       | ns     | 0.001 ms",
        "999        | ns     | 0.999 µs",
        "42.6       | ns     | 0.043 µs",
        "15728640   | bytes  | 15.0 MiB",
        "209715.2   | bytes  | 0.2 MiB",
        "102400     | bytes  | 100.0 KiB",
        "2048       | bytes  | 2.0 KiB",
        "412.345    | MB/s   | 412.3 MB/s",
        "52.125     | B/line | 52.125 B/line",
        "48.0       | B/line | 48 B/line",
        "1e21       | ops    | 1000000000000000000000 ops",
        "0.0000015  | ratio  | 0.0000015 ratio",
      })
  void formatsForTheUnit(double value, String unit, String expected) {
    assertThat(UnitFormat.format(value, unit)).isEqualTo(expected);
  }
}
