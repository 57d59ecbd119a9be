package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel did not answer within {@link IpvsOptions#requestTimeout()}. Always {@linkplain #isRetryable()
 * retryable}, though a mutation that timed out may or may not have been applied: read back before repeating it.
 */
public class IpvsTimeoutException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public IpvsTimeoutException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public IpvsTimeoutException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }

  /** Always true. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
