package io.github.ipvs4j.examples.lab;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hosts of one lab, each a network namespace, wired by veth pairs to segments (a bridge in a namespace of its
 * own, standing for the switch). {@link #close()} deletes every namespace the lab made, and with them whatever was
 * left in them; the labs revert their LVS changes themselves before that, to show that the revert is exact.
 *
 * <pre>{@code
 * try (LabNetwork net = LabNetwork.create()) {
 *   LabHost a = net.host("client"), b = net.host("director");
 *   net.segment("lan", a.port("eth0", "192.0.2.2/24"), b.port("eth0", "192.0.2.1/24"));
 * }
 * }</pre>
 */
public final class LabNetwork implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String prefix;
  private final List<String> namespaces = new ArrayList<>();

  private LabNetwork(String prefix) {
    this.prefix = prefix;
  }

  /** A new, empty lab whose namespaces are named {@code lab-<6 random hex digits>-ROLE}. */
  public static LabNetwork create() {
    byte[] id = new byte[3];
    RANDOM.nextBytes(id);
    return new LabNetwork("lab-" + HexFormat.of().formatHex(id) + "-");
  }

  /** A new host: a fresh namespace with its loopback up. */
  public LabHost host(String role) {
    String name = prefix + role;
    Commands.run("ip", "netns", "add", name);
    namespaces.add(name);
    LabHost host = new LabHost(role, name);
    host.ip("link", "set", "lo", "up");
    return host;
  }

  /** A host's interface to plug into a segment, with its address ({@code "192.0.2.2/24"}). */
  public record Port(LabHost host, String device, String address) {}

  /**
   * A segment: a bridge in a namespace of its own with one veth pair per port, the host's end named as the port says,
   * addressed and up.
   */
  public void segment(String name, Port... ports) {
    LabHost sw = host(name);
    sw.ip("link", "add", "br0", "type", "bridge");
    sw.ip("link", "set", "br0", "up");
    int n = 0;
    for (Port p : ports) {
      String switchEnd = "p" + n++;
      Commands.run("ip", "link", "add", p.device(), "netns", p.host().netns(), "type", "veth",
          "peer", "name", switchEnd, "netns", sw.netns());
      sw.ip("link", "set", switchEnd, "master", "br0", "up");
      p.host().ip("addr", "add", p.address(), "dev", p.device());
      p.host().ip("link", "set", p.device(), "up");
    }
  }

  /** Deletes every namespace of this lab. */
  @Override
  public void close() {
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      Commands.run("ip", "netns", "delete", namespaces.get(i));
    }
    namespaces.clear();
  }
}
