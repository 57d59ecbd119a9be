package io.github.ipvs4j.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link Aggregate}: medians, extremes and counts per group, groups in first-appearance order. */
class BenchmarkReportAggregateTest {

  private static Row row(String tool, int services, int round, double value) {
    return new Row("apply", tool, services, 10, round, value, "ns", 0);
  }

  @Test
  void groupsInFirstAppearanceOrderWithRoundsInRoundOrder() {
    List<Aggregate> aggregates =
        Aggregate.of(
            List.of(
                row("ipvsadm", 100, 2, 30),
                row("ipvs4j", 100, 1, 7),
                row("ipvsadm", 100, 1, 10),
                row("ipvsadm", 100, 3, 20),
                row("ipvs4j", 1000, 0, 70)));
    assertThat(aggregates)
        .containsExactly(
            new Aggregate("apply", "ipvsadm", 100, 10, "ns", List.of(10.0, 30.0, 20.0), 20, 10, 30),
            new Aggregate("apply", "ipvs4j", 100, 10, "ns", List.of(7.0), 7, 7, 7),
            new Aggregate("apply", "ipvs4j", 1000, 10, "ns", List.of(70.0), 70, 70, 70));
    assertThat(aggregates.get(0).count()).isEqualTo(3);
  }

  @Test
  void anEvenCountTakesTheLowerMiddleValue() {
    assertThat(Aggregate.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.0);
    assertThat(Aggregate.median(List.of(9.0, 5.0))).isEqualTo(5.0);
    assertThat(Aggregate.median(List.of(5.0, 1.0, 9.0))).isEqualTo(5.0);
  }

  @Property
  void theMedianIsAMeasuredValueWithHalfTheValuesAtOrBelowIt(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1e12) Double> values) {
    double median = Aggregate.median(values);
    assertThat(values).contains(median);
    long atOrBelow = values.stream().filter(v -> v <= median).count();
    long atOrAbove = values.stream().filter(v -> v >= median).count();
    assertThat(atOrBelow).isGreaterThanOrEqualTo((values.size() + 1) / 2);
    assertThat(atOrAbove).isGreaterThanOrEqualTo(values.size() / 2 + 1);

    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(row("ipvs4j", 10, i + 1, values.get(i)));
    }
    Aggregate a = Aggregate.of(rows).get(0);
    assertThat(a.min()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    assertThat(a.max()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertThat(a.median()).isEqualTo(median).isBetween(a.min(), a.max());
    assertThat(a.rounds()).isEqualTo(values);
  }
}
