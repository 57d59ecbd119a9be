package io.github.ipvs4j.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Host tier: the labs' pure pieces. */
class LabPiecesTest {
  private static final String PROC_NET_DEV = """
      Inter-|   Receive                                                |  Transmit
       face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
          lo:     120       2    0    0    0     0          0         0      120       2    0    0    0     0       0          0
        eth0: 3390612    2590    0    0    0     0          0         0   106050    1400    0    0    0     0       0          0
      """;

  @Test
  void deviceCountersAreReadFromProcNetDev() {
    assertThat(DeviceCounters.parse(PROC_NET_DEV, "eth0")).isEqualTo(new DeviceCounters(3390612, 106050));
    assertThat(DeviceCounters.parse(PROC_NET_DEV, "lo")).isEqualTo(new DeviceCounters(120, 120));
    assertThat(new DeviceCounters(500, 70).since(new DeviceCounters(120, 20))).isEqualTo(new DeviceCounters(380, 50));
    assertThatThrownBy(() -> DeviceCounters.parse(PROC_NET_DEV, "eth1"))
        .hasMessage("device: eth1 (expected: a device in /proc/net/dev)");
  }

  @Test
  void aTallyCountsAndPrintsByName() {
    Tally t = new Tally(Map.of("rs2", 100, "rs1", 300), 4711);
    assertThat(t.count("rs1")).isEqualTo(300);
    assertThat(t.count("rs3")).isZero();
    assertThat(t.total()).isEqualTo(400);
    assertThat(t).hasToString("rs1: 300, rs2: 100 (400 requests)");
  }

  @Test
  void aCheckOutsideItsToleranceFailsWithWhatWasSeen() {
    Tally t = new Tally(Map.of("rs1", 290, "rs2", 110), 0);
    Lab.expect("wrr", t, "rs1", 300, 10);
    assertThatThrownBy(() -> Lab.expect("wrr", t, "rs1", 300, 8))
        .isInstanceOf(LabCheckFailedException.class)
        .hasMessage("wrr: expected rs1 to answer 300 ± 8, got rs1: 290, rs2: 110 (400 requests)");
    assertThatThrownBy(() -> Lab.expect("held", false)).hasMessage("held");
  }

  @Test
  void everyLabHasAName() {
    assertThat(Labs.LABS).containsOnlyKeys("nat", "dr", "tun", "persistence", "failover");
  }
}
