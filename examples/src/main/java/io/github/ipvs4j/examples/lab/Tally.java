package io.github.ipvs4j.examples.lab;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many requests each real server answered, and the reply bytes the client received.
 *
 * @param answers real server name to number of answers, sorted by name
 * @param replyBytes bytes of the HTTP replies, headers included
 */
public record Tally(Map<String, Integer> answers, long replyBytes) {
  /** Freezes the map, sorted by name. */
  public Tally {
    answers = Map.copyOf(answers);
  }

  /** The answers {@code server} gave, 0 if none. */
  public int count(String server) {
    return answers.getOrDefault(server, 0);
  }

  /** Every answer. */
  public int total() {
    return answers.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** {@code rs1: 300, rs2: 100 (400 requests)}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(answers).forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
    return b.append(" (").append(total()).append(" requests)").toString();
  }
}
