package io.github.ipvs4j.sysctl;

import java.util.Objects;

/**
 * What recipes act on: a host's (or network namespace's) sysctls and network devices.
 *
 * <pre>{@code
 * try (LvsHost host = LvsHost.open(NetNamespace.named("director"))) {   // /proc/sys + rtnetlink in that netns
 *   LvsRecipe.natDirector(List.of("eth0", "eth1")).apply(host);
 * }
 * LvsHost fake = LvsHost.of(FakeSysctl.withLvsDefaults("eth0"), FakeNetDevices.create());  // for tests
 * }</pre>
 *
 * @param sysctl the sysctls
 * @param devices the interfaces and addresses
 */
public record LvsHost(Sysctl sysctl, NetDevices devices) implements AutoCloseable {
  /** Checks for nulls. */
  public LvsHost {
    Objects.requireNonNull(sysctl, "sysctl");
    Objects.requireNonNull(devices, "devices");
  }

  /** A host made of {@code sysctl} and {@code devices}. */
  public static LvsHost of(Sysctl sysctl, NetDevices devices) {
    return new LvsHost(sysctl, devices);
  }

  /**
   * The real host in {@code namespace}: {@link ProcSysctl#in} and {@link VipAliases#open(NetNamespace)}. Close it to
   * close the rtnetlink socket.
   */
  public static LvsHost open(NetNamespace namespace) {
    return new LvsHost(ProcSysctl.in(namespace), VipAliases.open(namespace));
  }

  /** Closes the devices if they are {@link AutoCloseable} (a {@link VipAliases}). */
  @Override
  public void close() {
    if (devices instanceof VipAliases v) {
      v.close();
    }
  }
}
