package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reading or writing a sysctl, or working in a network namespace, failed for a reason other than a missing key, a missing interface, a refused value or a missing privilege (the message says which call failed and why).
 *
 * <p>Part of the {@link IpvsException} hierarchy; its {@link #operation()} is {@link IpvsOperation#NONE} (the
 * operations enum names IPVS commands only).
 */
public class SysctlException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}. */
  public SysctlException(String message) {
    super(message);
  }

  /** An exception described by {@code message}, with the errno of the failed call if known, and its cause. */
  public SysctlException(String message, OptionalInt errno, Throwable cause) {
    super(IpvsOperation.NONE, message, errno, Optional.empty(), cause);
  }
}
