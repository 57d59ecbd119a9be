package io.github.ipvs4j.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.testkit.Command;
import io.github.ipvs4j.testkit.CommandResult;
import io.github.ipvs4j.testkit.Ipvsadm;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel tier (issue #8): {@code bin/ipvs-jshell} runs the director scripts in a test namespace; the real ipvsadm sees
 * what they set up, and the {@code down} run leaves the namespace as it was.
 */
class JshellKernelTest {
  private static final String ROOT = System.getProperty("user.dir") + "/..";

  private static CommandResult jshell(TestNetns netns, String script, String action) {
    List<String> argv = new ArrayList<>(List.of("env", "JAVA_HOME=" + System.getProperty("java.home"),
        "IPVS4J_ACTION=" + action, "STATE=/tmp/" + netns.name() + ".applied"));
    // JShell keeps its settings in the user's preferences; the VM's home is read-only, so give it a place in /tmp.
    argv.addAll(List.of(ROOT + "/bin/ipvs-jshell", "-J-Djava.util.prefs.userRoot=/tmp/" + netns.name() + ".prefs",
        "-q", ROOT + "/examples/jshell/" + script));
    // JShell compiles every snippet: a minute under TCG is possible.
    CommandResult r = Command.run(Duration.ofMinutes(5), netns.wrap(argv));
    assertThat(r.exitStatus()).as(r.describe()).isZero();
    assertThat(r.stdout() + r.stderr()).as(r.describe()).doesNotContain("Exception", "Error:", "rejected");
    return r;
  }

  private static String state(TestNetns netns) {
    return netns.exec("ip", "-o", "addr", "show").orThrow().stdout()
        + netns.exec("sh", "-c", "grep -r . /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/*/send_redirects")
            .orThrow().stdout();
  }

  @KernelTest
  void natDirectorScriptUpAndDown(TestNetns netns, Ipvsadm ipvsadm) {
    netns.exec("sh", "-c", "ip link add eth0 type dummy && ip link add eth1 type dummy && ip link set eth0 up "
        + "&& ip link set eth1 up").orThrow();
    String before = state(netns);

    CommandResult up = jshell(netns, "nat-director.jsh", "up");
    assertThat(up.stdout()).contains("TCP  192.0.2.10:80 wrr\n", "  -> 198.51.100.11:8080           Masq    1");
    assertThat(ipvsadm.save()).isEqualTo("""
        -A -t 192.0.2.10:80 -s wrr
        -a -t 192.0.2.10:80 -r 198.51.100.11:8080 -m -w 1
        -a -t 192.0.2.10:80 -r 198.51.100.12:8080 -m -w 1
        """);
    assertThat(netns.exec("cat", "/proc/sys/net/ipv4/ip_forward").orThrow().stdout()).isEqualTo("1\n");
    assertThat(netns.exec("ip", "-o", "addr", "show", "dev", "eth0").orThrow().stdout())
        .contains("inet 192.0.2.10/32", "eth0:0");

    CommandResult down = jshell(netns, "nat-director.jsh", "down");
    assertThat(down.stdout()).contains("nat-director: down");
    assertThat(ipvsadm.save()).isEmpty();
    assertThat(state(netns)).isEqualTo(before);
  }

  @KernelTest
  void drDirectorScriptUpAndDown(TestNetns netns, Ipvsadm ipvsadm) {
    netns.exec("sh", "-c", "ip link add eth0 type dummy && ip link set eth0 up").orThrow();
    String before = state(netns);

    jshell(netns, "dr-director.jsh", "up");
    assertThat(ipvsadm.save()).isEqualTo("""
        -A -t 192.0.2.10:80 -s wlc
        -a -t 192.0.2.10:80 -r 192.0.2.11:80 -g -w 1
        -a -t 192.0.2.10:80 -r 192.0.2.12:80 -g -w 1
        """);
    assertThat(netns.exec("ip", "-o", "addr", "show", "dev", "eth0").orThrow().stdout())
        .contains("inet 192.0.2.10/32", "eth0:0");

    jshell(netns, "dr-director.jsh", "down");
    assertThat(ipvsadm.save()).isEmpty();
    assertThat(state(netns)).isEqualTo(before);
  }
}
