package io.github.ipvs4j.sysctl;

import java.util.List;

/**
 * What {@link LvsRecipe#check} found: the changes applying the recipe would make now, in order, and the problems that
 * would make it fail (such as a missing interface).
 *
 * <pre>{@code
 * RecipePlan plan = LvsRecipe.drRealServer(List.of(Vip.literal("192.0.2.10"))).check(host);
 * plan.changes();   // [sysctl net/ipv4/conf/all/arp_ignore: 0 -> 1, ..., add 192.0.2.10/32 dev lo label lo:0]
 * plan.problems();  // []
 * plan.isSatisfied(); // false: applying would change something
 * }</pre>
 *
 * @param changes the changes, in the order apply would make them
 * @param problems what would make apply fail, in words; empty when none is known
 */
public record RecipePlan(List<HostChange> changes, List<String> problems) {
  /** Freezes the lists. */
  public RecipePlan {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  /** Whether the host already is as the recipe wants (no change, no problem). */
  public boolean isSatisfied() {
    return changes.isEmpty() && problems.isEmpty();
  }
}
