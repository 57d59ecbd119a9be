package io.github.ipvs4j.netlink.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetlinkSocketTest {
  @Test
  void optionsAndPortId() throws Exception {
    try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      assertThat(s.portId()).isNotZero();
      assertThat(s.setReceiveBufferSize(64 * 1024)).isGreaterThanOrEqualTo(64 * 1024);
      assertThat(s.setNetlinkOption(Netlink.NETLINK_EXT_ACK, true)).isTrue();
      assertThat(s.setNetlinkOption(Netlink.NETLINK_CAP_ACK, true)).isTrue();
      assertThat(s.sendBufferSize()).isPositive();
    }
  }

  @Test
  void waitingForAReplyThatNeverComesTimesOut() throws Exception {
    ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(64);
    ByteBuf in = ByteBufAllocator.DEFAULT.directBuffer(64 * 1024);
    try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      // NLMSG_NOOP with NLM_F_REQUEST but no NLM_F_ACK: the kernel accepts it and answers nothing.
      NetlinkRequest.of(Netlink.NLMSG_NOOP, 0, b -> {}).writeTo(out, Netlink.NLM_F_REQUEST, 1, 0);
      s.send(out);
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.receive(in, Duration.ofMillis(200)))
          .isInstanceOf(NetlinkTimeoutException.class)
          .hasMessageContaining("200 ms");
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(elapsedMillis).isGreaterThanOrEqualTo(199).isLessThan(5_000); // bounded, not hung
      assertThat(in.writerIndex()).isZero();
    } finally {
      out.release();
      in.release();
    }
  }

  @Test
  void connectionTimeoutLeavesItUsable() throws Exception {
    try (NetlinkConnection c =
        NetlinkConnection.open(Netlink.NETLINK_GENERIC, NetlinkOptions.defaults().withTimeout(Duration.ofMillis(100)))) {
      // A NOOP dump request: the kernel's netlink_rcv_skb acks it only when asked, and dump() never asks.
      assertThatThrownBy(() -> c.dump(NetlinkRequest.of(Netlink.NLMSG_NOOP, 0, b -> {})))
          .isInstanceOf(NetlinkTimeoutException.class);
      assertThat(GenericNetlink.resolveFamily(c, "nlctrl")).isPresent();
    }
  }

  @Test
  void closedSocketRefuses() throws Exception {
    NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE);
    s.close();
    s.close();
    assertThat(s.isClosed()).isTrue();
    assertThatThrownBy(s::receiveBufferSize).isInstanceOf(IllegalStateException.class);
  }
}
