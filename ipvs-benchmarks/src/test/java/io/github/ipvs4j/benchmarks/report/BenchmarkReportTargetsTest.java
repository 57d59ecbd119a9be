package io.github.ipvs4j.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.ipvs4j.benchmarks.report.Targets.Result;
import io.github.ipvs4j.benchmarks.report.Targets.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Ratio} and {@link Targets}: which ratios are taken, and targets met, missed and not measured. */
class BenchmarkReportTargetsTest {

  private static Aggregate median(String benchmark, String tool, int services, int destinations, double median) {
    return median(benchmark, tool, services, destinations, median, "ns");
  }

  private static Aggregate median(
      String benchmark, String tool, int services, int destinations, double median, String unit) {
    return new Aggregate(benchmark, tool, services, destinations, unit, List.of(median), median, median, median);
  }

  @Test
  void ratiosAreOthersOverIpvs4jThenIpvs4jOverTheFloor() {
    List<Ratio> ratios =
        Ratio.of(
            List.of(
                median("apply", "floor", 1000, 10, 8),
                median("apply", "ipvs4j", 1000, 10, 10),
                median("apply", "ipvsadm", 1000, 10, 60),
                median("apply", "ipvsadm-loop", 1000, 10, 900),
                median("apply", "ipvsadm", 100, 10, 6))); // no ipvs4j at this size
    assertThat(ratios).extracting(Ratio::name).containsExactly("ipvsadm/ipvs4j", "ipvsadm-loop/ipvs4j", "ipvs4j/floor");
    assertThat(ratios).extracting(Ratio::value).containsExactly(6.0, 90.0, 1.25);
    assertThat(ratios).allSatisfy(r -> assertThat(r.services()).isEqualTo(1000));
  }

  @Test
  void throughputZeroMediansAndMixedUnitsHaveNoRatio() {
    assertThat(
            Ratio.of(
                List.of(
                    median("parse-table", "ipvs4j", 1000, 10, 400, "MB/s"),
                    median("parse-table", "other", 1000, 10, 100, "MB/s"),
                    median("flush", "ipvs4j", 10, 1, 0),
                    median("flush", "ipvsadm", 10, 1, 5),
                    median("memory", "ipvs4j", 10, 1, 5, "bytes"),
                    median("memory", "ipvsadm", 10, 1, 5, "ns"))))
        .isEmpty();
  }

  private static Map<String, Result> evaluate(Aggregate... aggregates) {
    List<Aggregate> list = List.of(aggregates);
    return Targets.evaluate(list, Ratio.of(list)).stream()
        .collect(Collectors.toMap(Result::what, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void targetsMetAndMissed() {
    Map<String, Result> results =
        evaluate(
            median("apply", "ipvs4j", 10000, 10, 100),
            median("apply", "ipvsadm", 10000, 10, 520), // 5.2 >= 5.0
            median("apply", "floor", 10000, 10, 70), // 1.43 > 1.3
            median("read", "ipvs4j", 10000, 10, 100),
            median("read", "ipvsadm", 10000, 10, 150), // 1.5 < 2.0
            median("nlctrl-roundtrip", "ipvs4j", 100, 0, 200),
            median("nlctrl-roundtrip", "floor", 100, 0, 100), // 2.0 at 100, but 10000 is the largest
            median("nlctrl-roundtrip", "ipvs4j", 10000, 0, 110),
            median("nlctrl-roundtrip", "floor", 10000, 0, 100),
            median("nlctrl-roundtrip", "ipvs4j", 100000, 0, 500), // no floor here: not comparable
            median("parse-commands", "ipvs4j", 1000, 10, 412.3, "MB/s"),
            median("print-save", "ipvs4j", 1000, 10, 299.9, "MB/s"));

    assertThat(results.get("apply at 10000 x 10: ipvsadm/ipvs4j"))
        .satisfies(r -> assertThat(r.measured().getAsDouble()).isCloseTo(5.2, within(1e-9)))
        .extracting(Result::goal, Result::status)
        .containsExactly(">= 5.0", Status.MET);
    assertThat(results.get("apply at 10000 x 10: ipvs4j/floor"))
        .extracting(Result::goal, Result::status)
        .containsExactly("<= 1.3", Status.MISSED);
    assertThat(results.get("read at 10000 x 10: ipvsadm/ipvs4j").status()).isEqualTo(Status.MISSED);
    assertThat(results.get("nlctrl-roundtrip at the largest size, 10000: ipvs4j/floor"))
        .satisfies(r -> assertThat(r.measured().getAsDouble()).isCloseTo(1.1, within(1e-9)))
        .extracting(Result::status)
        .isEqualTo(Status.MET);
    assertThat(results.get("rtnl-addr-add at the largest size: ipvs4j/floor"))
        .satisfies(r -> assertThat(r.measured()).isEmpty())
        .extracting(Result::status)
        .isEqualTo(Status.NOT_MEASURED);
    assertThat(results.get("parse-commands, ipvs4j, 1000 x 10: median"))
        .extracting(Result::goal, Result::status)
        .containsExactly(">= 300 MB/s", Status.MET);
    assertThat(results.get("print-save, ipvs4j, 1000 x 10: median").status()).isEqualTo(Status.MISSED);
    assertThat(results).hasSize(8).doesNotContainKey("every MB/s benchmark: median");
  }

  @Test
  void withoutTheRowsEveryTargetIsNotMeasured() {
    List<Result> results = new ArrayList<>(evaluate(median("flush", "ipvs4j", 10, 1, 5)).values());
    assertThat(results).hasSize(7).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.NOT_MEASURED));
    assertThat(results.get(6).what()).isEqualTo("every MB/s benchmark: median");
    assertThat(Status.NOT_MEASURED.label()).isEqualTo("not measured");
  }

  @Test
  void aTargetExactlyAtItsLimitIsMet() {
    Map<String, Result> results =
        evaluate(median("read", "ipvs4j", 10000, 10, 50), median("read", "ipvsadm", 10000, 10, 100));
    assertThat(results.get("read at 10000 x 10: ipvsadm/ipvs4j").status()).isEqualTo(Status.MET);
  }
}
