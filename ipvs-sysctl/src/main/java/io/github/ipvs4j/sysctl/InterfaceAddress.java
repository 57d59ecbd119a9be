package io.github.ipvs4j.sysctl;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address as the kernel lists it ({@code RTM_GETADDR}; what {@code ip -o addr} prints): its interface, the
 * address, the prefix length, the label and the flags.
 *
 * <pre>{@code
 * try (VipAliases aliases = VipAliases.open(NetNamespace.current())) {
 *   aliases.addresses();  // [127.0.0.1/8 dev lo label lo, ::1/128 dev lo, 192.0.2.10/32 dev lo label lo:0, ...]
 * }
 * }</pre>
 *
 * @param device the interface's name
 * @param index the interface's index
 * @param address the (local) address
 * @param prefixLength the prefix length
 * @param label the IPv4 label (the device's name when none was given); empty for IPv6
 * @param flags {@code IFA_F_*} flags
 */
public record InterfaceAddress(
    String device, int index, InetAddress address, int prefixLength, Optional<String> label, int flags) {
  /** Checks for nulls. */
  public InterfaceAddress {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(label, "label");
  }

  /** Whether this is {@code vip}: same device, same address, host prefix (the label is not compared). */
  public boolean matches(Vip vip) {
    return device.equals(vip.device()) && address.equals(vip.address()) && prefixLength == vip.prefixLength();
  }

  /** This address as a {@link Vip} (the label kept unless it is the device's own name); for host prefixes. */
  public Vip toVip() {
    Vip v = Vip.of(address, device);
    return label.filter(l -> !l.equals(device)).map(v::withLabel).orElse(v);
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength + " dev " + device + label.map(l -> " label " + l).orElse("");
  }
}
