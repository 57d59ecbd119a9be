package io.github.ipvs4j.internal;

import io.github.ipvs4j.InvalidValueException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Argument checks shared by the model's compact constructors. Not API: this package is not exported.
 *
 * <p>Every check throws {@link InvalidValueException} with a message of the form {@code "port: 70000 (expected:
 * 0-65535)"}: the field, the value and what is allowed. Nothing here ever throws a {@link NullPointerException}.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value}, or throws if it is {@code null}. */
  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidValueException(field, "null", "a value");
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]}. */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidValueException(field, Integer.toString(value), min + "-" + max);
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]}. */
  public static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidValueException(field, Long.toString(value), min + "-" + max);
    }
    return value;
  }

  /** Returns {@code value} if it is a whole number of seconds in {@code [minSeconds, maxSeconds]}. */
  public static Duration seconds(String field, Duration value, long minSeconds, long maxSeconds) {
    notNull(field, value);
    if (value.getNano() != 0 || value.getSeconds() < minSeconds || value.getSeconds() > maxSeconds) {
      throw new InvalidValueException(
          field, value.toString(), "whole seconds " + minSeconds + "-" + maxSeconds);
    }
    return value;
  }

  /**
   * Throws unless {@code condition} holds; {@code value} and {@code expected} make up the message. For a message
   * that must be computed, write {@code if (!condition) throw invalid(...)} instead, so that a valid value costs no
   * string building (parsing a large save file builds hundreds of thousands of objects).
   */
  public static void check(boolean condition, String field, Object value, String expected) {
    if (!condition) {
      throw new InvalidValueException(field, String.valueOf(value), expected);
    }
  }

  /** The exception for a refused value, to {@code throw}. */
  public static InvalidValueException invalid(String field, Object value, String expected) {
    return new InvalidValueException(field, String.valueOf(value), expected);
  }

  /** Throws if {@code collection} is null or holds a null element. */
  public static <C extends Collection<?>> C noNulls(String field, C collection) {
    notNull(field, collection);
    for (Object o : collection) {
      if (o == null) {
        throw new InvalidValueException(field, "a collection holding null", "no null elements");
      }
    }
    return collection;
  }

  /** Throws if {@code map} is null or holds a null key or value. */
  public static <M extends Map<?, ?>> M noNulls(String field, M map) {
    notNull(field, map);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new InvalidValueException(field, "a map holding null", "no null keys or values");
      }
    }
    return map;
  }

  /**
   * Returns {@code value} if it is a kernel name of 1 to {@code maxLength} visible ASCII characters (0x21-0x7e), as
   * scheduler, persistence-engine and interface names are.
   */
  public static String name(String field, String value, int maxLength) {
    notNull(field, value);
    boolean ok = !value.isEmpty() && value.length() <= maxLength;
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c >= 0x21 && c <= 0x7e;
    }
    if (!ok) {
      throw new InvalidValueException(
          field, quote(value), "1-" + maxLength + " visible ASCII characters, no spaces");
    }
    return value;
  }

  /** Quotes a string for an error message. */
  public static String quote(String s) {
    return s == null ? "null" : '"' + s + '"';
  }
}
