package io.github.ipvs4j.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.netlink.transport.NetlinkDumpInterruptedException;
import io.github.ipvs4j.netlink.transport.NetlinkSocketException;
import org.junit.jupiter.api.Test;

/** Host tier: an interrupted dump is read again, a bounded number of times; other failures are not retried. */
class DumpRetryTest {
  private static NetlinkDumpInterruptedException interrupted() {
    return new NetlinkDumpInterruptedException("interrupted (NLM_F_DUMP_INTR)");
  }

  @Test
  void interruptedDumpsAreReadAgainUntilOneIsWhole() throws Exception {
    int[] runs = {0};
    String result = VipAliases.retryInterrupted(10, () -> {
      if (++runs[0] < 4) {
        throw interrupted();
      }
      return "whole";
    });
    assertThat(result).isEqualTo("whole");
    assertThat(runs[0]).isEqualTo(4);
  }

  @Test
  void theLastInterruptionIsThrownAfterTheLastAttempt() {
    int[] runs = {0};
    assertThatThrownBy(() -> VipAliases.retryInterrupted(3, () -> {
          runs[0]++;
          throw interrupted();
        }))
        .isInstanceOf(NetlinkDumpInterruptedException.class);
    assertThat(runs[0]).isEqualTo(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    int[] runs = {0};
    assertThatThrownBy(() -> VipAliases.retryInterrupted(10, () -> {
          runs[0]++;
          throw new NetlinkSocketException("recv", 105, null);
        }))
        .isInstanceOf(NetlinkSocketException.class);
    assertThat(runs[0]).isEqualTo(1);
  }
}
