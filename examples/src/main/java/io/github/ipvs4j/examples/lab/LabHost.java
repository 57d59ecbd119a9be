package io.github.ipvs4j.examples.lab;

import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.Ipvs;
import io.github.ipvs4j.sysctl.LvsHost;
import io.github.ipvs4j.sysctl.NetNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One machine of a lab (client, director or real server): a network namespace named by {@code ip netns}.
 *
 * @param role what the host is in the lab, such as {@code "rs1"}; real servers answer with it
 * @param netns the namespace's name
 */
public record LabHost(String role, String netns) {
  /** The namespace, for ipvs4j's sysctl and VIP APIs. */
  public NetNamespace namespace() {
    return NetNamespace.named(netns);
  }

  /** The namespace file, {@code /run/netns/NAME}. */
  public Path path() {
    return Path.of("/run/netns", netns);
  }

  /** An IPVS client on this host's table. */
  public IpvsClient ipvs() {
    return Ipvs.open(IpvsOptions.defaults().withNetworkNamespace(netns));
  }

  /** The sysctls and addresses of this host, for LVS recipes. */
  public LvsHost lvs() {
    return LvsHost.open(namespace());
  }

  /** This host's {@code device} with {@code address} (such as {@code "192.0.2.2/24"}), to plug into a segment. */
  public LabNetwork.Port port(String device, String address) {
    return new LabNetwork.Port(this, device, address);
  }

  /** Runs {@code ip ARGS...} on this host ({@code ip -n NETNS ...}). */
  public String ip(String... args) {
    List<String> argv = new ArrayList<>(List.of("ip", "-n", netns));
    argv.addAll(List.of(args));
    return Commands.run("", argv);
  }

  /** Loads an nftables ruleset on this host ({@code nft -f -} inside the namespace). */
  public void nft(String ruleset) {
    Commands.run(ruleset, List.of("ip", "netns", "exec", netns, "nft", "-f", "-"));
  }

  /** The bytes {@code device} has sent and received so far: {@code /proc/net/dev} as this host sees it. */
  public DeviceCounters counters(String device) {
    // /proc/thread-self/net is the calling thread's namespace, so read it from a thread inside this host.
    String dev = namespace().call(() -> {
      try {
        return Files.readString(Path.of("/proc/thread-self/net/dev"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return DeviceCounters.parse(dev, device);
  }

  @Override
  public String toString() {
    return role + " (netns " + netns + ")";
  }
}
