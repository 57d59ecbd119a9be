package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An rtnetlink request about links or addresses failed, with the kernel's errno and extended-ack message. When a
 * batch of VIPs failed part-way, {@link #changed()} lists the VIPs that <em>were</em> added (or removed) before the
 * exception, so that a caller can undo them.
 *
 * <p>Part of the {@link IpvsException} hierarchy; {@link #operation()} is {@link IpvsOperation#NONE}.
 */
public class NetDeviceException extends IpvsException {
  private static final long serialVersionUID = 1L;

  private final transient List<Vip> changed;

  /** A failure with everything known about it; {@code changed} lists what the call had already changed. */
  public NetDeviceException(
      String message, OptionalInt errno, Optional<String> kernelMessage, List<Vip> changed, Throwable cause) {
    super(IpvsOperation.NONE, message, errno, kernelMessage, cause);
    this.changed = List.copyOf(changed);
  }

  /** The VIPs the failed call had added or removed before it failed (empty when it changed nothing). */
  public List<Vip> changed() {
    return changed;
  }
}
