package io.github.ipvs4j.examples.jshell;

import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.textformat.ListingPrinter;
import io.github.ipvs4j.textformat.SavePrinter;

/**
 * Helpers for JShell sessions and scripts, imported by {@code bin/ipvs-jshell}'s start-up ({@code import static
 * io.github.ipvs4j.examples.jshell.Shell.*}). Compiled Java rather than JShell methods, which JShell would compile
 * anew at every start.
 */
public final class Shell {
  private Shell() {}

  /** Prints the table as {@code ipvsadm -L -n} does. */
  public static void list(IpvsClient ipvs) {
    System.out.print(ListingPrinter.numeric().list(ipvs.info(), ipvs.servicesWithDestinations()));
  }

  /** Prints the table as {@code ipvsadm -S -n} does. */
  public static void save(IpvsClient ipvs) {
    System.out.print(SavePrinter.numeric().print(ipvs.snapshot()));
  }

  /** An environment variable, or {@code otherwise} if it is not set. */
  public static String env(String name, String otherwise) {
    return System.getenv().getOrDefault(name, otherwise);
  }
}
