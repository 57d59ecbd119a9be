package io.github.ipvs4j.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ratio of two tools' medians at one size of one benchmark: {@code OTHER/ipvs4j} (above 1, ipvs4j is faster, or
 * smaller for sizes) or {@code ipvs4j/floor} (ipvs4j's cost over the C floor; 1 is as fast as the floor).
 */
public record Ratio(
    String benchmark, int services, int destinations, String numerator, String denominator, double value) {

  /** The tool every ratio is about. */
  public static final String SUBJECT = "ipvs4j";

  /** The C floor: the lower bound, compared to {@link #SUBJECT} only. */
  public static final String FLOOR = "floor";

  /** Throughput: higher is better, so the other ratios would read backwards; it has targets instead. */
  public static final String THROUGHPUT = "MB/s";

  private record Size(String benchmark, int services, int destinations) {}

  /** Its name, such as {@code ipvsadm/ipvs4j}. */
  public String name() {
    return numerator + "/" + denominator;
  }

  /**
   * Every ratio of {@code aggregates}: at each size where ipvs4j is measured, each other tool but the floor over
   * ipvs4j, in the tools' order, then ipvs4j over the floor. Sizes in {@value #THROUGHPUT}, ratios of different units
   * and ratios over a zero median are left out.
   */
  public static List<Ratio> of(List<Aggregate> aggregates) {
    Map<Size, Map<String, Aggregate>> bySize = new LinkedHashMap<>();
    for (Aggregate a : aggregates) {
      bySize
          .computeIfAbsent(new Size(a.benchmark(), a.services(), a.destinations()), size -> new LinkedHashMap<>())
          .put(a.tool(), a);
    }
    List<Ratio> ratios = new ArrayList<>();
    for (Map<String, Aggregate> tools : bySize.values()) {
      Aggregate subject = tools.get(SUBJECT);
      if (subject == null || subject.unit().equals(THROUGHPUT)) {
        continue;
      }
      for (Aggregate other : tools.values()) {
        if (!other.tool().equals(SUBJECT) && !other.tool().equals(FLOOR)) {
          ratio(other, subject).ifPresent(ratios::add);
        }
      }
      Aggregate floor = tools.get(FLOOR);
      if (floor != null) {
        ratio(subject, floor).ifPresent(ratios::add);
      }
    }
    return List.copyOf(ratios);
  }

  private static Optional<Ratio> ratio(Aggregate numerator, Aggregate denominator) {
    if (!numerator.unit().equals(denominator.unit()) || !(denominator.median() > 0)) {
      return Optional.empty();
    }
    return Optional.of(
        new Ratio(
            numerator.benchmark(),
            numerator.services(),
            numerator.destinations(),
            numerator.tool(),
            denominator.tool(),
            numerator.median() / denominator.median()));
  }
}
