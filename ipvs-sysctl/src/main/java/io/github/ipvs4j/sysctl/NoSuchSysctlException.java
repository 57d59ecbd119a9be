package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sysctl that does not exist: the key is wrong, the kernel does not have it (an IPVS knob while {@code ip_vs} is not loaded, a knob newer than the kernel), or it is not in the namespace.
 *
 * <p>Part of the {@link IpvsException} hierarchy; its {@link #operation()} is {@link IpvsOperation#NONE} (the
 * operations enum names IPVS commands only).
 */
public class NoSuchSysctlException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}. */
  public NoSuchSysctlException(String message) {
    super(message);
  }

  /** An exception described by {@code message}, with the errno of the failed call if known, and its cause. */
  public NoSuchSysctlException(String message, OptionalInt errno, Throwable cause) {
    super(IpvsOperation.NONE, message, errno, Optional.empty(), cause);
  }
}
