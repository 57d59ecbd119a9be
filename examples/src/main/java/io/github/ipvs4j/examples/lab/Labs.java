package io.github.ipvs4j.examples.lab;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs labs by name: {@code nat}, {@code dr}, {@code tun}, {@code persistence}, {@code failover}, or {@code all}.
 * Needs root and a kernel with IPVS, and builds its hosts as network namespaces, so run it in the ipvs4j VM:
 * {@code tools/lab nat}. Exits 1 if a lab's check fails, 2 for an unknown name.
 */
public final class Labs {
  private Labs() {}

  /** Each lab by name, in the order {@code all} runs them. */
  static final Map<String, Function<PrintStream, Object>> LABS = new LinkedHashMap<>();

  static {
    LABS.put("nat", NatLab::run);
    LABS.put("dr", DrLab::run);
    LABS.put("tun", TunLab::run);
    LABS.put("persistence", PersistenceLab::run);
    LABS.put("failover", FailoverLab::run);
  }

  /** {@code Labs NAME...}. */
  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: Labs " + String.join("|", LABS.keySet()) + "|all ...");
      System.exit(2);
    }
    for (String name : args) {
      if (!name.equals("all") && !LABS.containsKey(name)) {
        System.err.println("Labs: no lab named '" + name + "' (expected: " + String.join(", ", LABS.keySet())
            + " or all)");
        System.exit(2);
      }
    }
    for (String name : args) {
      for (var lab : LABS.entrySet()) {
        if (name.equals("all") || name.equals(lab.getKey())) {
          System.out.println("== " + lab.getKey() + " lab");
          try {
            Object result = lab.getValue().apply(System.out);
            System.out.println("== " + lab.getKey() + " lab passed: " + result);
          } catch (LabCheckFailedException e) {
            System.out.println("== " + lab.getKey() + " lab FAILED: " + e.getMessage());
            System.exit(1);
          } catch (RuntimeException e) {
            System.out.println("== " + lab.getKey() + " lab FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
          }
        }
      }
    }
  }
}
