package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Bytes from the kernel (or from a caller) that do not decode: a truncated message, an attribute of the wrong length,
 * a length field pointing past the end. The message names what was being decoded and what was wrong with it. Never
 * retryable.
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

  /** A decode failure in the reply to {@code operation}. */
  public MalformedMessageException(IpvsOperation operation, String message, Throwable cause) {
    super(operation, message, OptionalInt.empty(), Optional.empty(), cause);
  }

  /** Always false: the same bytes will not decode any better. */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
