package io.github.ipvs4j;

/**
 * Bytes from the kernel (or from a caller) that do not decode: a truncated message, an attribute of the wrong length,
 * a length field pointing past the end. The message names what was being decoded and what was wrong with it.
 */
public class MalformedMessageException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** A decode failure described by {@code message}. */
  public MalformedMessageException(String message) {
    super(message);
  }

  /** A decode failure described by {@code message}, caused by {@code cause}. */
  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
