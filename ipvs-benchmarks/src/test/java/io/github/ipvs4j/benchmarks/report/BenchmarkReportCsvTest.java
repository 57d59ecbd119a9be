package io.github.ipvs4j.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ResultsCsv}: the contract's rows, comments, and errors that name the line and the field. */
class BenchmarkReportCsvTest {
  private static final String HEADER = "benchmark,tool,services,destinations,round,value,unit";

  @Test
  void readsRowsSkippingCommentsAndBlankLines() {
    List<Row> rows =
        ResultsCsv.parse(
            List.of(
                "# run of 2026-12-03",
                HEADER,
                "apply,ipvs4j,1000,10,1,21000000,ns",
                "",
                "# a comment between rows",
                "parse-commands,ipvs4j,100,10,0,412.5,MB/s",
                "memory,ipvs4j,1000,10,1,1.5e7,bytes"));
    assertThat(rows)
        .containsExactly(
            new Row("apply", "ipvs4j", 1000, 10, 1, 21_000_000, "ns", 3),
            new Row("parse-commands", "ipvs4j", 100, 10, 0, 412.5, "MB/s", 6),
            new Row("memory", "ipvs4j", 1000, 10, 1, 1.5e7, "bytes", 7));
  }

  @Test
  void acceptsAByteOrderMarkAndCrlf() {
    List<Row> rows = ResultsCsv.parse(List.of("\uFEFF" + HEADER + "\r", "flush,ipvsadm,10,1,2,5.25,ns\r"));
    assertThat(rows).singleElement().satisfies(row -> assertThat(row.value()).isEqualTo(5.25));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apply,ipvs4j,ten,10,1,5,ns        | services     | 'ten' is not a non-negative integer",
        "apply,ipvs4j,10,-1,1,5,ns         | destinations | '-1' is not a non-negative integer",
        "apply,ipvs4j,10,10,1.5,5,ns       | round        | '1.5' is not a non-negative integer",
        "apply,ipvs4j,10,10,1,fast,ns      | value        | 'fast' is not a decimal number",
        "apply,ipvs4j,10,10,1,NaN,ns       | value        | 'NaN' is not a decimal number",
        "apply,ipvs4j,10,10,1,1e999,ns     | value        | out of range",
        "apply,ipvs4j,99999999999,10,1,5,ns | services    | too large",
        "apply,,10,10,1,5,ns               | tool         | empty",
        "apply,ipvs4j,10,10,1,5,           | unit         | empty",
        "apply,ipvs4j,10,10,1,5            | row          | expected 7 fields",
        "apply,ipvs4j,10,10,1,5,ns,extra   | row          | found 8",
      })
  void aMalformedRowNamesItsLineAndField(String line, String field, String problem) {
    List<String> lines = List.of(HEADER, "apply,ipvs4j,10,10,2,5,ns", "# comment", line);
    assertThatThrownBy(() -> ResultsCsv.parse(lines))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.field()).isEqualTo(field);
            })
        .hasMessageStartingWith("results.csv line 4, field " + field + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  void theHeaderMustBeExact() {
    assertThatThrownBy(() -> ResultsCsv.parse(List.of("# c", "benchmark,tool,services,destinations,round,value")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("results.csv line 2, field header: expected '" + HEADER + "'");
    assertThatThrownBy(() -> ResultsCsv.parse(List.of("# only a comment")))
        .hasMessageContaining("field header: no header line");
  }

  @Test
  void oneGroupHasOneUnitAndEachRoundOnce() {
    assertThatThrownBy(
            () -> ResultsCsv.parse(List.of(HEADER, "memory,ipvs4j,10,1,1,5,bytes", "memory,ipvs4j,10,1,2,5,ns")))
        .hasMessage(
            "results.csv line 3, field unit: 'ns' differs from 'bytes' on line 2 for the same benchmark, tool,"
                + " services and destinations");
    assertThatThrownBy(
            () -> ResultsCsv.parse(List.of(HEADER, "read,ipvs4j,10,1,1,5,ns", "read,ipvs4j,10,1,1,6,ns")))
        .hasMessageStartingWith("results.csv line 3, field round: round 1 ")
        .hasMessageEndingWith("already on line 2");
    // the same round number in another group is no repetition
    assertThat(ResultsCsv.parse(List.of(HEADER, "read,ipvs4j,10,1,1,5,ns", "read,ipvsadm,10,1,1,6,ns")))
        .hasSize(2);
  }

  @Test
  void appendingWritersShareOneFileWithOneHeader(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("new-dir").resolve("results.csv");
    try (PrintWriter w = ResultsCsv.append(csv)) {
      w.println("apply,ipvs4j,1000,10,1,5,ns");
    }
    try (PrintWriter w = ResultsCsv.append(csv)) {
      w.println("apply,floor,1000,10,1,4,ns");
    }
    assertThat(Files.readAllLines(csv))
        .containsExactly(ResultsCsv.HEADER, "apply,ipvs4j,1000,10,1,5,ns", "apply,floor,1000,10,1,4,ns");
    assertThat(ResultsCsv.read(csv)).hasSize(2);
  }
}
