package io.github.ipvs4j.netlink.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.netlink.codec.Errno;
import io.github.ipvs4j.netlink.codec.GenlCtrl;
import io.github.ipvs4j.netlink.codec.GenlFamily;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many threads share one connection; each must get exactly its own replies. */
class ConcurrencyTest {
  @Test
  void eightThreadsNeverMixReplies() throws Exception {
    try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_GENERIC)) {
      // The families this kernel has, by name -> id, from one dump.
      Map<String, Integer> families =
          c.dump(NetlinkRequest.genl(GenlCtrl.GENL_ID_CTRL, GenlCtrl.CTRL_CMD_GETFAMILY, 1, a -> {})).stream()
              .map(GenlFamily::decode)
              .collect(Collectors.toMap(GenlFamily::name, GenlFamily::id));
      List<String> names = new ArrayList<>(families.keySet());
      assertThat(names).hasSizeGreaterThan(1);

      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < 300; i++) {
                      int pick = (thread * 31 + i) % (names.size() + 1);
                      if (pick == names.size()) {
                        // an absent family: its own ENOENT, never someone else's reply
                        assertThat(GenericNetlink.resolveFamily(c, "absent-" + thread + "-" + i)).isEmpty();
                      } else if (i % 10 == 0) {
                        List<BatchOutcome> outcomes =
                            c.batch(List.of(GenlFamily.request(names.get(pick)), GenlFamily.request("absent")));
                        assertThat(outcomes.get(0).isOk()).isTrue();
                        NetlinkMessage reply = outcomes.get(0).replies().get(0);
                        assertThat(GenlFamily.decode(reply).name()).isEqualTo(names.get(pick));
                        assertThat(outcomes.get(1).errno()).isEqualTo(Errno.ENOENT);
                      } else {
                        GenlFamily f = GenericNetlink.resolveFamily(c, names.get(pick)).orElseThrow();
                        assertThat(f.name()).isEqualTo(names.get(pick));
                        assertThat(f.id()).isEqualTo(families.get(names.get(pick)));
                      }
                      checked++;
                    }
                    return checked;
                  }));
        }
        start.countDown();
        for (Future<Integer> f : results) {
          assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(300);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
