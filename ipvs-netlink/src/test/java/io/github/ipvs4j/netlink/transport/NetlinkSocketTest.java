package io.github.ipvs4j.netlink.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.netlink.codec.Errno;
import io.github.ipvs4j.netlink.codec.GenlCtrl;
import io.github.ipvs4j.netlink.codec.GenlFamily;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkError;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
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
  void heapBuffersAreSentThroughACopy() throws Exception {
    ByteBuf heap = Unpooled.buffer(32);
    ByteBuf in = ByteBufAllocator.DEFAULT.directBuffer(4096);
    try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      NetlinkRequest.of(Netlink.NLMSG_NOOP, 0, b -> {}).writeTo(heap, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 9, 0);
      s.send(heap);
      assertThat(heap.readerIndex()).isZero();
      s.receive(in, Duration.ofSeconds(5));
      NetlinkMessage ack = NetlinkMessages.decodeAll(in).get(0);
      assertThat(ack.seq()).isEqualTo(9);
      assertThat(NetlinkError.decode(ack).isAck()).isTrue();
    } finally {
      in.release();
    }
  }

  @Test
  void aDatagramLargerThanTheBufferIsAnErrorNotCut() throws Exception {
    ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(64);
    ByteBuf small = ByteBufAllocator.DEFAULT.directBuffer(64, 64);
    try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      GenlFamily.request("nlctrl").writeTo(out, Netlink.NLM_F_REQUEST, 1, 0); // reply: 136 bytes
      s.send(out);
      assertThatThrownBy(() -> s.receive(small, Duration.ofSeconds(5)))
          .isInstanceOf(NetlinkException.class)
          .hasMessageContaining("136-byte datagram, larger than the 64-byte buffer");
      assertThat(small.writerIndex()).isZero();
    } finally {
      out.release();
      small.release();
    }
  }

  @Test
  void overrunWithoutAWindowIsEnobufsKeptTyped() throws Exception {
    ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(32 * 1024);
    ByteBuf in = ByteBufAllocator.DEFAULT.directBuffer(64 * 1024);
    try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      s.setReceiveBufferSize(NetlinkOptions.MIN_BUFFER_SIZE);
      // 1,500 acked NOOPs in one datagram: their acks cannot all fit a 64 KiB receive buffer.
      for (int i = 0; i < 1500; i++) {
        NetlinkRequest.of(Netlink.NLMSG_NOOP, 0, b -> {}).writeTo(out, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, i, 0);
      }
      s.send(out);
      NetlinkSocketException overrun = null;
      for (int i = 0; i < 1500 && overrun == null; i++) {
        in.clear();
        try {
          s.receive(in, Duration.ofSeconds(5));
        } catch (NetlinkSocketException e) {
          overrun = e;
        }
      }
      assertThat(overrun).isNotNull();
      assertThat(overrun.errno()).hasValue(Errno.ENOBUFS);
      assertThat(overrun.errnoValue().name()).isEqualTo("ENOBUFS");
      assertThat(overrun.call()).isEqualTo("recv");
      assertThat(overrun).hasMessage("recv(..) failed with error(105): No buffer space available");
    } finally {
      out.release();
      in.release();
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

  /** The one call the socket under test does not make: a unicast from a user socket to another port. */
  public interface PeerLibC {
    /** {@code ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t)}. */
    @ssize_t
    long sendto(int fd, Pointer buf, @size_t long len, int flags, Pointer to, int tolen);
  }

  @Test
  void onlyTheKernelCanSendToTheSocket() throws Exception {
    PeerLibC libc = LibraryLoader.create(PeerLibC.class).load("c");
    jnr.ffi.Runtime runtime = jnr.ffi.Runtime.getRuntime(libc);
    ByteBuf in = ByteBufAllocator.DEFAULT.directBuffer(4096);
    int peer = Native.LIBC.socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC, Netlink.NETLINK_GENERIC);
    assertThat(peer).isNotNegative();
    try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      Pointer to = Memory.allocateDirect(runtime, Native.SOCKADDR_NL_SIZE, true);
      to.putShort(0, (short) Native.AF_NETLINK);
      to.putInt(4, s.portId());
      Pointer noop = Memory.allocateDirect(runtime, 16, true); // an NLMSG_NOOP header
      noop.putInt(0, 16);
      noop.putShort(4, (short) Netlink.NLMSG_NOOP);
      long sent = libc.sendto(peer, noop, 16, 0, to, Native.SOCKADDR_NL_SIZE);
      assertThat(sent).isEqualTo(-1);
      assertThat(LastError.getLastError(runtime)).isEqualTo(Errno.ECONNREFUSED);
      // and the kernel still answers
      ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(64);
      GenlFamily.request("nlctrl").writeTo(out, Netlink.NLM_F_REQUEST, 1, s.portId());
      s.send(out);
      out.release();
      s.receive(in, Duration.ofSeconds(5));
      assertThat(NetlinkMessages.decodeAll(in).get(0).type()).isEqualTo(GenlCtrl.GENL_ID_CTRL);
    } finally {
      Native.LIBC.close(peer);
      in.release();
    }
  }
}
