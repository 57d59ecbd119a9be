package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A value the model refuses, thrown when it is built and so before anything is sent to the kernel. The message
 * names the field, the value and what is allowed, such as {@code "port: 70000 (expected: 0-65535)"}; the three parts
 * are also available on their own.
 *
 * <p>It extends {@link IpvsException} (not {@link IllegalArgumentException}) so that one {@code catch
 * (IpvsException e)} covers everything ipvs4j throws. Its {@link #operation()} is {@link IpvsOperation#NONE}, it has
 * no errno and it is never retryable. Compare {@link InvalidArgumentException}: the kernel refusing a value.
 */
public class InvalidValueException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** The refused field. */
  private final String field;

  /** The refused value, as text. */
  private final String value;

  /** What the field allows. */
  private final String expected;

  /**
   * A refused value.
   *
   * @param field the field's name, such as {@code "port"} or {@code "destination.weight"}
   * @param value the refused value as text
   * @param expected what is allowed, such as {@code "0-65535"}
   */
  public InvalidValueException(String field, String value, String expected) {
    super(
        IpvsOperation.NONE,
        field + ": " + value + " (expected: " + expected + ")",
        OptionalInt.empty(),
        Optional.empty(),
        null);
    this.field = field;
    this.value = value;
    this.expected = expected;
  }

  /** The name of the refused field, such as {@code "port"}. */
  public String field() {
    return field;
  }

  /** The refused value, as text. */
  public String value() {
    return value;
  }

  /** What the field allows, such as {@code "0-65535"}. */
  public String expected() {
    return expected;
  }

  /** Always false: the same value is refused again. */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
