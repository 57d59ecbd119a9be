package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidValueException;
import java.util.Objects;

/**
 * A sysctl that holds one integer, with the range ipvs4j accepts for it; {@link #check(int)} refuses anything
 * outside before the kernel is asked.
 *
 * <pre>{@code
 * IntSysctl arpIgnore = LvsSysctls.arpIgnore(ConfScope.ALL);   // net/ipv4/conf/all/arp_ignore, 0-8
 * arpIgnore.check(1);                                          // 1
 * arpIgnore.check(9);   // InvalidValueException: net/ipv4/conf/all/arp_ignore: 9 (expected: 0-8)
 * }</pre>
 *
 * @param key the sysctl
 * @param min the smallest accepted value
 * @param max the largest accepted value
 */
public record IntSysctl(SysctlKey key, int min, int max) {
  /** Checks {@code min <= max}. */
  public IntSysctl {
    Objects.requireNonNull(key, "key");
    if (min > max) {
      throw new InvalidValueException("max", Integer.toString(max), ">= min " + min);
    }
  }

  /** A sysctl that takes any {@code int}. */
  public static IntSysctl of(SysctlKey key) {
    return new IntSysctl(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Returns {@code value} if it is in range.
   *
   * @throws InvalidValueException otherwise, as {@code "net/ipv4/conf/all/arp_ignore: 9 (expected: 0-8)"}
   */
  public int check(int value) {
    if (value < min || value > max) {
      throw new InvalidValueException(key.path(), Integer.toString(value), min + "-" + max);
    }
    return value;
  }

  /**
   * Parses a value read from the kernel.
   *
   * @throws InvalidValueException if {@code text} is not an integer
   */
  public int parse(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(key.path(), "'" + text + "'", "an integer");
    }
  }

  @Override
  public String toString() {
    return key + " (" + min + "-" + max + ")";
  }
}
