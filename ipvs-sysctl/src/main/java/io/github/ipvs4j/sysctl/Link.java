package io.github.ipvs4j.sysctl;

import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as the kernel lists it ({@code RTM_GETLINK}).
 *
 * <pre>{@code
 * aliases.link("tunl0");  // Optional[Link[index=2, name=tunl0, kind=Optional[ipip], up=false]]
 * }</pre>
 *
 * @param index the interface index
 * @param name the name
 * @param kind the link kind ({@code "dummy"}, {@code "ipip"}, {@code "veth"}, ...), empty for physical and loopback
 *     devices
 * @param up whether {@code IFF_UP} is set
 */
public record Link(int index, String name, Optional<String> kind, boolean up) {
  /** Checks for nulls. */
  public Link {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
