package io.github.ipvs4j.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link ResultsJson}: escaping, numbers, and a document that parses back to what was written. */
class BenchmarkReportJsonTest {

  @Test
  void escapesWhatJsonRequires() {
    assertThat(ResultsJson.quote("a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj\u2028k"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\\u2028k\"");
    assertThat(ResultsJson.quote("µs / 1 ≤ 2")).isEqualTo("\"µs / 1 ≤ 2\"");
  }

  @Property
  void anyStringReadsBack(@ForAll String text) {
    assertThat(MiniJson.parse(ResultsJson.quote(text))).isEqualTo(text);
  }

  @Test
  void numbersAreJson() {
    assertThat(ResultsJson.number(12_000_000)).isEqualTo("12000000");
    assertThat(ResultsJson.number(0.5)).isEqualTo("0.5");
    assertThat(ResultsJson.number(1e-7)).isEqualTo("1.0E-7");
    assertThat(MiniJson.parse(ResultsJson.number(1e-7))).isEqualTo(1e-7);
    assertThat(MiniJson.parse(ResultsJson.number(3e20))).isEqualTo(3e20);
  }

  @Test
  void theDocumentParsesBack() {
    TreeMap<String, String> environment = new TreeMap<>(Map.of("notes", "quoted \"x\"\nsecond line", "jdk", "17"));
    List<Aggregate> results =
        List.of(
            new Aggregate("apply", "ipvs4j", 1000, 10, "ns", List.of(3.0, 1.0, 2.5), 2.5, 1, 3),
            new Aggregate("parse-table", "ipvs4j", 100, 0, "MB/s", List.of(412.5), 412.5, 412.5, 412.5));
    Object parsed = MiniJson.parse(ResultsJson.write(environment, results));
    assertThat(parsed)
        .isEqualTo(
            Map.of(
                "environment",
                Map.of("jdk", "17", "notes", "quoted \"x\"\nsecond line"),
                "results",
                List.of(
                    Map.of(
                        "benchmark", "apply",
                        "tool", "ipvs4j",
                        "services", 1000.0,
                        "destinations", 10.0,
                        "unit", "ns",
                        "rounds", List.of(3.0, 1.0, 2.5),
                        "median", 2.5,
                        "min", 1.0,
                        "max", 3.0),
                    Map.of(
                        "benchmark", "parse-table",
                        "tool", "ipvs4j",
                        "services", 100.0,
                        "destinations", 0.0,
                        "unit", "MB/s",
                        "rounds", List.of(412.5),
                        "median", 412.5,
                        "min", 412.5,
                        "max", 412.5))));
    assertThat(MiniJson.parse(ResultsJson.write(new TreeMap<>(), List.of())))
        .isEqualTo(Map.of("environment", Map.of(), "results", List.of()));
  }
}
