package io.github.ipvs4j.benchmarks.report;

/**
 * One measurement: one data line of {@code results.csv}.
 *
 * @param line the line's number in the file, from 1, kept for error messages
 */
public record Row(
    String benchmark, String tool, int services, int destinations, int round, double value, String unit, int line) {

  /** What rows are aggregated by: all rounds of one tool at one size of one benchmark. */
  public record Key(String benchmark, String tool, int services, int destinations) {}

  /** This row's group. */
  public Key key() {
    return new Key(benchmark, tool, services, destinations);
  }
}
