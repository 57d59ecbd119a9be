package io.github.ipvs4j;

/**
 * The root of every exception ipvs4j throws: unchecked, so that callers catch what they can act on and let the rest
 * propagate.
 */
public class IpvsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what failed and why. */
  public IpvsException(String message) {
    super(message);
  }

  /** An exception with a message and the lower-level cause. */
  public IpvsException(String message, Throwable cause) {
    super(message, cause);
  }
}
