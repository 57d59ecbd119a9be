package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network interface that does not exist in the namespace: a per-interface sysctl ({@code net/ipv4/conf/IFACE/...}), a VIP or a recipe named it.
 *
 * <p>Part of the {@link IpvsException} hierarchy; its {@link #operation()} is {@link IpvsOperation#NONE} (the
 * operations enum names IPVS commands only).
 */
public class NoSuchInterfaceException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}. */
  public NoSuchInterfaceException(String message) {
    super(message);
  }

  /** An exception described by {@code message}, with the errno of the failed call if known, and its cause. */
  public NoSuchInterfaceException(String message, OptionalInt errno, Throwable cause) {
    super(IpvsOperation.NONE, message, errno, Optional.empty(), cause);
  }
}
