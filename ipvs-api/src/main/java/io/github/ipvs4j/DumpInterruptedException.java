package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A dump was interrupted because the kernel's table changed while it was read ({@code NLM_F_DUMP_INTR}); the
 * result may have missed or repeated entries. Always {@linkplain #isRetryable() retryable}.
 */
public class DumpInterruptedException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public DumpInterruptedException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public DumpInterruptedException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }

  /** Always true: reading again gives a consistent result once the table stops changing. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
