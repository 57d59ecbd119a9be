package io.github.ipvs4j.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The project's performance targets, checked against one run. A target whose row is not in the run is "not
 * measured", never met or missed. Figures are compared unrounded.
 */
public final class Targets {
  /** Throughput every {@value Ratio#THROUGHPUT} benchmark should reach, in MB/s. */
  public static final double THROUGHPUT_GOAL = 300;

  /** A target's outcome. */
  public enum Status {
    MET("met"),
    MISSED("missed"),
    NOT_MEASURED("not measured");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** As printed: "met", "missed" or "not measured". */
    public String label() {
      return label;
    }
  }

  /** Which way a figure must stay of its limit. */
  public enum Bound {
    AT_LEAST(">="),
    AT_MOST("<=");

    private final String symbol;

    Bound(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(double measured, double limit) {
      return this == AT_LEAST ? measured >= limit : measured <= limit;
    }
  }

  /**
   * One checked target.
   *
   * @param what what was measured, such as {@code apply at 10000 x 10: ipvsadm/ipvs4j}
   * @param measured the figure, empty when not measured
   * @param goal the target, such as {@code >= 5.0}
   */
  public record Result(String what, OptionalDouble measured, String goal, Status status) {}

  /** A ratio's target at one size, or at the largest size measured when {@code size} is empty. */
  record RatioGoal(String benchmark, Optional<Size> size, String ratio, Bound bound, double limit) {}

  /** Services x destinations. */
  record Size(int services, int destinations) {}

  static final List<RatioGoal> RATIO_GOALS =
      List.of(
          at("apply", 10000, 10, "ipvsadm/ipvs4j", Bound.AT_LEAST, 5.0),
          at("apply", 10000, 10, "ipvs4j/floor", Bound.AT_MOST, 1.3),
          at("read", 10000, 10, "ipvsadm/ipvs4j", Bound.AT_LEAST, 2.0),
          largest("nlctrl-roundtrip", "ipvs4j/floor", Bound.AT_MOST, 1.2),
          largest("rtnl-addr-add", "ipvs4j/floor", Bound.AT_MOST, 1.2),
          largest("rtnl-addr-list", "ipvs4j/floor", Bound.AT_MOST, 1.2));

  private Targets() {}

  private static RatioGoal at(
      String benchmark, int services, int destinations, String ratio, Bound bound, double limit) {
    return new RatioGoal(benchmark, Optional.of(new Size(services, destinations)), ratio, bound, limit);
  }

  private static RatioGoal largest(String benchmark, String ratio, Bound bound, double limit) {
    return new RatioGoal(benchmark, Optional.empty(), ratio, bound, limit);
  }

  /** The fixed ratio targets, in order, then one throughput target per {@value Ratio#THROUGHPUT} aggregate. */
  public static List<Result> evaluate(List<Aggregate> aggregates, List<Ratio> ratios) {
    List<Result> results = new ArrayList<>();
    for (RatioGoal goal : RATIO_GOALS) {
      results.add(evaluate(goal, ratios));
    }
    String throughputGoal = String.format(Locale.ROOT, ">= %.0f MB/s", THROUGHPUT_GOAL);
    boolean anyThroughput = false;
    for (Aggregate a : aggregates) {
      if (a.unit().equals(Ratio.THROUGHPUT)) {
        anyThroughput = true;
        String what = a.benchmark() + ", " + a.tool() + ", " + size(a.services(), a.destinations()) + ": median";
        results.add(
            new Result(
                what,
                OptionalDouble.of(a.median()),
                throughputGoal,
                a.median() >= THROUGHPUT_GOAL ? Status.MET : Status.MISSED));
      }
    }
    if (!anyThroughput) {
      results.add(
          new Result("every MB/s benchmark: median", OptionalDouble.empty(), throughputGoal, Status.NOT_MEASURED));
    }
    return List.copyOf(results);
  }

  /** "10000 x 10", or "10000" where destinations do not apply (0). */
  private static String size(int services, int destinations) {
    return destinations == 0 ? Integer.toString(services) : services + " x " + destinations;
  }

  private static Result evaluate(RatioGoal goal, List<Ratio> ratios) {
    String target = String.format(Locale.ROOT, "%s %.1f", goal.bound().symbol, goal.limit());
    Optional<Ratio> found =
        ratios.stream()
            .filter(r -> r.benchmark().equals(goal.benchmark()) && r.name().equals(goal.ratio()))
            .filter(
                r ->
                    goal.size()
                        .map(s -> s.services() == r.services() && s.destinations() == r.destinations())
                        .orElse(true))
            // the largest size among those with both tools measured
            .max(Comparator.comparingInt(Ratio::services).thenComparingInt(Ratio::destinations));
    String where =
        goal.size()
            .map(s -> " at " + size(s.services(), s.destinations()))
            .orElseGet(
                () ->
                    found
                        .map(r -> " at the largest size, " + size(r.services(), r.destinations()))
                        .orElse(" at the largest size"));
    String what = goal.benchmark() + where + ": " + goal.ratio();
    if (found.isEmpty()) {
      return new Result(what, OptionalDouble.empty(), target, Status.NOT_MEASURED);
    }
    double measured = found.get().value();
    return new Result(
        what,
        OptionalDouble.of(measured),
        target,
        goal.bound().holds(measured, goal.limit()) ? Status.MET : Status.MISSED);
  }
}
