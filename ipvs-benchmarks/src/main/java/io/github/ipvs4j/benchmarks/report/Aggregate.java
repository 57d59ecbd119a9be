package io.github.ipvs4j.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All rounds of one tool at one size of one benchmark, summarised.
 *
 * @param rounds the values in round order
 * @param median the middle value; for an even count the lower of the two middle ones (see {@link #median(List)})
 */
public record Aggregate(
    String benchmark,
    String tool,
    int services,
    int destinations,
    String unit,
    List<Double> rounds,
    double median,
    double min,
    double max) {

  /** Copies {@code rounds}, which must not be empty. */
  public Aggregate {
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no rounds for " + benchmark + " " + tool);
    }
  }

  /** The number of rounds. */
  public int count() {
    return rounds.size();
  }

  /** One aggregate per group of {@code rows}, in the order each group first appears. */
  public static List<Aggregate> of(List<Row> rows) {
    Map<Row.Key, List<Row>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row);
    }
    List<Aggregate> aggregates = new ArrayList<>();
    for (List<Row> group : groups.values()) {
      aggregates.add(ofGroup(group));
    }
    return List.copyOf(aggregates);
  }

  private static Aggregate ofGroup(List<Row> group) {
    List<Row> byRound = new ArrayList<>(group);
    byRound.sort(Comparator.comparingInt(Row::round));
    List<Double> values = byRound.stream().map(Row::value).toList();
    Row first = group.get(0);
    return new Aggregate(
        first.benchmark(),
        first.tool(),
        first.services(),
        first.destinations(),
        first.unit(),
        values,
        median(values),
        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }

  /**
   * The middle of {@code values} in sorted order; for an even count the lower of the two middle values, not their
   * mean, so that a median is always a measured value.
   */
  public static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    return sorted[(sorted.length - 1) / 2];
  }
}
