package io.github.ipvs4j.netlink.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.netlink.codec.Errno;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sockets opened in another network namespace, the caller's thread staying where it is. Needs root. */
class NetworkNamespaceTest {
  private static final int RTM_NEWLINK = 16;
  private static final int RTM_GETLINK = 18;
  private static final int IFLA_IFNAME = 3;
  private static final int IFINFOMSG_SIZE = 16;

  /** RTM_GETLINK dump: struct ifinfomsg {family AF_UNSPEC, pad, type, index, flags, change}, all zero. */
  private static final NetlinkRequest GET_LINKS = NetlinkRequest.of(RTM_GETLINK, 0, b -> b.writeZero(IFINFOMSG_SIZE));

  @Test
  void routeSocketInANewNamespaceSeesOnlyLoopback() throws Exception {
    String name = "ipvs4j-test-" + UUID.randomUUID().toString().substring(0, 8);
    Path threadNs = Path.of("/proc/thread-self/ns/net");
    String before = Files.readSymbolicLink(threadNs).toString();
    run("ip", "netns", "add", name);
    try {
      try (NetlinkConnection c =
          NetlinkConnection.open(
              Netlink.NETLINK_ROUTE, NetlinkOptions.defaults().withNetworkNamespace(NetworkNamespace.named(name)))) {
        List<NetlinkMessage> links = c.dump(GET_LINKS);
        assertThat(links).hasSize(1);
        assertThat(links.get(0).type()).isEqualTo(RTM_NEWLINK);
        var d = links.get(0).attributes(IFINFOMSG_SIZE);
        String ifname = null;
        while (d.next()) {
          if (d.type() == IFLA_IFNAME) {
            ifname = d.string();
          }
        }
        d.finish();
        assertThat(ifname).isEqualTo("lo");
      }
      // The caller's thread never moved.
      assertThat(Files.readSymbolicLink(threadNs).toString()).isEqualTo(before);
      // The same namespace by path.
      try (NetlinkConnection c =
          NetlinkConnection.open(
              Netlink.NETLINK_ROUTE,
              NetlinkOptions.defaults().withNetworkNamespace(NetworkNamespace.of(Path.of("/run/netns", name))))) {
        assertThat(c.dump(GET_LINKS)).hasSize(1);
      }
      assertThat(Files.readSymbolicLink(threadNs).toString()).isEqualTo(before);
    } finally {
      run("ip", "netns", "delete", name);
    }
  }

  @Test
  void missingNamespaceFileIsEnoent() {
    assertThatThrownBy(
            () -> NetlinkSocket.open(Netlink.NETLINK_ROUTE, NetworkNamespace.named("ipvs4j-absent-namespace")))
        .isInstanceOfSatisfying(
            NetlinkSocketException.class,
            e -> {
              assertThat(e.call()).isEqualTo("open");
              assertThat(e.errno()).hasValue(Errno.ENOENT);
              assertThat(e.getMessage())
                  .startsWith("open(..) failed with error(2): No such file or directory")
                  .contains("/run/netns/ipvs4j-absent-namespace");
            });
  }

  @Test
  void namesAreValidated() {
    for (String bad : new String[] {"", ".", "..", "a/b", "../x", "a\0b", "x".repeat(256)}) {
      assertThatThrownBy(() -> NetworkNamespace.named(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(NetworkNamespace.named("blue").path()).isEqualTo(Path.of("/run/netns/blue"));
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
  }
}
