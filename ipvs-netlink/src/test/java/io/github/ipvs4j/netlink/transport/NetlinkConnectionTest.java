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
import io.github.ipvs4j.netlink.codec.NlMsgHdr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Host tier: talks to this machine's kernel through nlctrl (generic netlink is always there; IPVS is not). */
class NetlinkConnectionTest {
  private NetlinkConnection connection;

  @BeforeEach
  void open() throws Exception {
    connection = NetlinkConnection.open(Netlink.NETLINK_GENERIC);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  @Test
  void resolvesNlctrlThroughNlctrl() throws Exception {
    GenlFamily nlctrl = GenericNetlink.resolveFamily(connection, "nlctrl").orElseThrow();
    assertThat(nlctrl.id()).isEqualTo(GenlCtrl.GENL_ID_CTRL);
    assertThat(nlctrl.name()).isEqualTo("nlctrl");
    assertThat(nlctrl.version()).isGreaterThanOrEqualTo(1);
    assertThat(nlctrl.operation(GenlCtrl.CTRL_CMD_GETFAMILY)).isPresent();
    assertThat(nlctrl.operation(GenlCtrl.CTRL_CMD_GETFAMILY).orElseThrow().flags() & GenlCtrl.GENL_CMD_CAP_DO)
        .isNotZero();
    assertThat(nlctrl.multicastGroups()).extracting(GenlFamily.MulticastGroup::name).contains("notify");
  }

  /** NEW requests carry CREATE|EXCL (0x600), whose EXCL bit is NLM_F_MATCH's: only both dump bits make a dump. */
  @Test
  void onlyBothDumpBitsMakeADump() throws Exception {
    NetlinkRequest createExcl =
        GenlFamily.request("nlctrl").withFlags(Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
    assertThat(connection.request(createExcl)).hasSize(1);
    assertThat(connection.batch(List.of(createExcl, createExcl))).hasSize(2);
    NetlinkRequest dump = GenlFamily.request("nlctrl").withFlags(Netlink.NLM_F_DUMP);
    assertThatThrownBy(() -> connection.request(dump))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use dump()");
    assertThatThrownBy(() -> connection.batch(List.of(createExcl, dump)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be batched");
  }

  @Test
  void ipvsIsAbsentOnThisHost() throws Exception {
    assertThat(GenericNetlink.resolveFamily(connection, "IPVS")).isEmpty();
  }

  @Test
  void errorCarriesErrnoAndExtack() throws Exception {
    assertThatThrownBy(() -> connection.request(GenlFamily.request("ipvs4j-nope")))
        .isInstanceOfSatisfying(
            NetlinkErrorException.class,
            e -> {
              assertThat(e.errno()).hasValue(Errno.ENOENT);
              assertThat(e.errnoValue().name()).isEqualTo("ENOENT");
              assertThat(e.error().capped()).isTrue();
              assertThat(e.getMessage()).contains("error(2): No such file or directory");
            });
    // A name longer than GENL_NAMSIZ - 1 breaks nlctrl's policy: EINVAL, and the kernel says why (extack).
    assertThatThrownBy(() -> connection.request(GenlFamily.request("x".repeat(40))))
        .isInstanceOfSatisfying(
            NetlinkErrorException.class,
            e -> {
              assertThat(e.errno()).hasValue(Errno.EINVAL);
              assertThat(e.kernelMessage()).isPresent();
              assertThat(e.error().offset()).isPresent();
            });
  }

  @Test
  void dumpListsEveryFamily() throws Exception {
    List<NetlinkMessage> parts =
        connection.dump(NetlinkRequest.genl(GenlCtrl.GENL_ID_CTRL, GenlCtrl.CTRL_CMD_GETFAMILY, 1, a -> {}));
    Set<String> names = new HashSet<>();
    for (NetlinkMessage m : parts) {
      assertThat(m.hasFlags(Netlink.NLM_F_MULTI)).isTrue();
      names.add(GenlFamily.decode(m).name());
    }
    assertThat(names).contains("nlctrl").doesNotContain("IPVS");
    // The connection is clean afterwards.
    assertThat(GenericNetlink.resolveFamily(connection, "nlctrl")).isPresent();
  }

  @Test
  void dumpInPlaceShowsTheSamePartsAsCopies() throws Exception {
    NetlinkRequest all = NetlinkRequest.genl(GenlCtrl.GENL_ID_CTRL, GenlCtrl.CTRL_CMD_GETFAMILY, 1, a -> {});
    List<GenlFamily> inPlace = new ArrayList<>();
    connection.dumpInPlace(all, m -> inPlace.add(GenlFamily.decode(m)));
    List<GenlFamily> copied = new ArrayList<>();
    for (NetlinkMessage m : connection.dump(all)) {
      copied.add(GenlFamily.decode(m));
    }
    assertThat(inPlace).isNotEmpty().isEqualTo(copied);
  }

  @Test
  void dumpInPlaceSinkFailureDrainsTheDump() throws Exception {
    NetlinkRequest all = NetlinkRequest.genl(GenlCtrl.GENL_ID_CTRL, GenlCtrl.CTRL_CMD_GETFAMILY, 1, a -> {});
    int[] calls = {0};
    assertThatThrownBy(() -> connection.dumpInPlace(all, m -> {
          calls[0]++;
          throw new IllegalStateException("sink says no");
        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls[0]).isEqualTo(1); // the rest of the dump was read and dropped, not handed on
    assertThat(GenericNetlink.resolveFamily(connection, "nlctrl")).isPresent();
  }

  @Test
  void dumpSinkFailureDrainsTheDump() throws Exception {
    NetlinkRequest all = NetlinkRequest.genl(GenlCtrl.GENL_ID_CTRL, GenlCtrl.CTRL_CMD_GETFAMILY, 1, a -> {});
    assertThatThrownBy(() -> connection.dump(all, m -> {
          throw new IllegalStateException("sink says no");
        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(connection.dump(all)).isNotEmpty();
  }

  @Test
  void batchOfTenThousandReportsEachOutcomeInOrder() throws Exception {
    int n = 10_000;
    List<NetlinkRequest> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      requests.add(GenlFamily.request(i % 7 == 3 ? "nope-" + i : "nlctrl"));
    }
    long start = System.nanoTime();
    List<BatchOutcome> outcomes = connection.batch(requests);
    long micros = (System.nanoTime() - start) / 1000;
    System.out.printf("batch of %d GETFAMILY requests: %d us (window %d)%n", n, micros, connection.batchWindow());
    assertThat(outcomes).hasSize(n);
    for (int i = 0; i < n; i++) {
      BatchOutcome o = outcomes.get(i);
      assertThat(o.index()).isEqualTo(i);
      if (i % 7 == 3) {
        assertThat(o.isOk()).isFalse();
        assertThat(o.errno()).isEqualTo(Errno.ENOENT);
        assertThat(o.replies()).isEmpty();
        assertThat(o.failure()).isPresent();
      } else {
        assertThat(o.isOk()).as("outcome %d", i).isTrue();
        assertThat(o.replies()).hasSize(1);
        assertThat(GenlFamily.decode(o.replies().get(0)).id()).isEqualTo(GenlCtrl.GENL_ID_CTRL);
      }
    }
  }

  /**
   * A plain ack leaves only a flag in the batch; its outcome shows the ack the kernel sent, echoed header and all. The
   * kernel's own ack of the same request with the same seq, read raw, is the outcome's status but for the port id.
   */
  @Test
  void plainAcksInABatchAreTheAcksTheKernelSends() throws Exception {
    NetlinkRequest request = GenlFamily.request("nlctrl").withFlags(Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
    BatchOutcomes outcomes = connection.batch(List.of(request, GenlFamily.request("nope"), request));
    assertThat(outcomes).extracting(BatchOutcome::isOk).containsExactly(true, false, true);
    assertThat(List.of(outcomes.isOk(0), outcomes.isOk(1), outcomes.isOk(2))).containsExactly(true, false, true);
    assertThat(outcomes.get(1).errno()).isEqualTo(Errno.ENOENT);
    BatchOutcome ok = outcomes.get(2);
    NlMsgHdr echoed = ok.status().request().orElseThrow();
    NetlinkError kernels;
    try (NetlinkSocket raw = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
      raw.setNetlinkOption(Netlink.NETLINK_EXT_ACK, NetlinkOptions.defaults().extendedAck());
      ByteBuf buf = Unpooled.directBuffer(8192);
      try {
        request.writeTo(buf, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, echoed.seq(), raw.portId());
        raw.send(buf);
        NetlinkError ack = null;
        while (ack == null) {
          buf.clear();
          raw.receive(buf, Duration.ofSeconds(5));
          for (NetlinkMessage m : NetlinkMessages.decodeAll(buf)) {
            if (m.type() == Netlink.NLMSG_ERROR) {
              ack = NetlinkError.decode(m);
            }
          }
        }
        kernels = ack;
      } finally {
        buf.release();
      }
    }
    NlMsgHdr k = kernels.request().orElseThrow();
    assertThat(ok.status())
        .isEqualTo(
            new NetlinkError(
                kernels.error(),
                Optional.of(new NlMsgHdr(k.length(), k.type(), k.flags(), k.seq(), echoed.pid())),
                kernels.capped(),
                kernels.message(),
                kernels.offset(),
                kernels.missingType(),
                kernels.missingNest()));
    assertThat(outcomes.get(0).status().request().orElseThrow().seq()).isEqualTo(echoed.seq() - 2);
    assertThatThrownBy(() -> outcomes.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> outcomes.set(0, ok)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void batchWithTheSmallestReceiveBufferHasNoOverrun() throws Exception {
    try (NetlinkConnection small =
        NetlinkConnection.open(
            Netlink.NETLINK_GENERIC, NetlinkOptions.defaults().withReceiveBufferSize(NetlinkOptions.MIN_BUFFER_SIZE))) {
      List<NetlinkRequest> requests = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        requests.add(GenlFamily.request("nlctrl"));
      }
      List<BatchOutcome> outcomes = small.batch(requests);
      assertThat(outcomes).allMatch(BatchOutcome::isOk);
      assertThat(small.batchWindow()).isLessThan(connection.batchWindow());
    }
  }

  @Test
  void closedConnectionRefuses() {
    connection.close();
    connection.close();
    assertThatThrownBy(() -> connection.request(GenlFamily.request("nlctrl")))
        .isInstanceOf(IllegalStateException.class);
  }
}
