package io.github.ipvs4j.examples.lab;

import static io.github.ipvs4j.ServiceKey.fwmark;
import static io.github.ipvs4j.ServiceKey.tcp;

import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceHandle;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.textformat.ListingPrinter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Persistence and firewall marks, on the NAT wiring. With {@code -p}, every request of one client goes to the real
 * server it first got. Then a firewall mark groups two ports: an {@code nft} rule on the director marks TCP to the VIP
 * on ports 80 and 8080 with mark 1, one persistent {@code fwmark 1} service balances both, and the client, asking on
 * both ports in turn, keeps one real server for both: the two ports are served together.
 *
 * <p>Between the two, the first service is removed while its connection entries are still in the director's table. A
 * new connection from a client port one of them used would be dropped until that entry times out (persistent entries
 * are never rescheduled); the director runs with {@code expire_nodest_conn = 1} so that they go with their service, and
 * the lab proves it by connecting from the same client port again.
 */
public final class PersistenceLab {
  private PersistenceLab() {}

  /** The firewall mark the director's rule sets. */
  static final int MARK = 1;

  /** The client port both services see a connection from (below the kernel's ephemeral range). */
  static final int REUSED_CLIENT_PORT = 30000;

  /**
   * The tallies.
   *
   * @param persistent {@code rr -p 300} on {@code VIP:80}, 100 requests
   * @param fwmark {@code rr -p 300} on {@code fwmark 1}, 100 requests to ports 80 and 8080 in turn
   * @param reusedPortAnswers who answered from {@link #REUSED_CLIENT_PORT}: on {@code VIP:80}, then on {@code fwmark 1}
   *     after the first service was removed
   * @param fwmarkConnections the connections the fwmark service counted
   */
  public record Result(Tally persistent, Tally fwmark, List<String> reusedPortAnswers, long fwmarkConnections) {}

  /** Runs the lab, printing what it does to {@code out}. */
  public static Result run(PrintStream out) {
    try (Lab lab = Lab.twoLegged(out)) {
      lab.apply(lab.director(), Lab.NAT_DIRECTOR.plus(Lab.EXPIRE_NODEST_CONN));
      lab.serve(lab.rs1(), 0, 80, 8080);
      lab.serve(lab.rs2(), 0, 80, 8080);

      ServiceKey key = tcp(Lab.VIP, 80);
      ServiceHandle web =
          lab.ipvs().service(key).scheduler(Scheduler.RR).persistence(Duration.ofSeconds(300)).create();
      web.destination("198.51.100.11", 80).masquerade().add();
      web.destination("198.51.100.12", 80).masquerade().add();
      Tally persistent = lab.requests("rr -p 300, one client", 100, 80);
      String firstOnPort = lab.requestFrom("rr -p 300, once more from client port " + REUSED_CLIENT_PORT,
          REUSED_CLIENT_PORT, 80);
      lab.show(ListingPrinter.Columns.PERSISTENT_CONN);
      Lab.expect("persistence: one real server answered all 101 (" + persistent + ", then " + firstOnPort + ")",
          persistent.answers().size() == 1 && persistent.total() == 100 && persistent.count(firstOnPort) == 100);
      web.remove();
      lab.say("rr -p 300 removed; with expire_nodest_conn=1 its connection entries go with it");

      lab.director().nft("table ip lab {\n"
          + "  chain prerouting {\n"
          + "    type filter hook prerouting priority mangle; policy accept;\n"
          + "    ip daddr " + Lab.VIP.getHostAddress() + " tcp dport { 80, 8080 } meta mark set " + MARK + "\n"
          + "  }\n"
          + "}\n");
      lab.atClose(() -> lab.director().nft("delete table ip lab\n"));
      lab.say("director: nft marks tcp to " + Lab.VIP.getHostAddress() + " ports 80 and 8080 with mark " + MARK);
      ServiceKey mark = fwmark(MARK);
      ServiceHandle both =
          lab.ipvs().service(mark).scheduler(Scheduler.RR).persistence(Duration.ofSeconds(300)).create();
      // Port 0: each connection keeps the port it came to.
      both.destination("198.51.100.11", 0).masquerade().add();
      both.destination("198.51.100.12", 0).masquerade().add();
      // Its old entry would still be in the table without expire_nodest_conn: this connection would time out.
      String againOnPort = lab.requestFrom("fwmark 1 -p 300, client port " + REUSED_CLIENT_PORT + " again",
          REUSED_CLIENT_PORT, 80);
      Tally grouped = lab.requests("fwmark 1 -p 300, ports 80 and 8080 in turn", 100, 80, 8080);
      long connections = countedConnections(lab, mark, grouped.total() + 1);
      lab.show(ListingPrinter.Columns.STATS);
      Lab.expect("fwmark: one real server answered all 101 on both ports (" + againOnPort + ", then " + grouped + ")",
          grouped.answers().size() == 1 && grouped.total() == 100 && grouped.count(againOnPort) == 100);
      Lab.expect("fwmark: the one service counted all 101 connections (counted " + connections + ")",
          connections == 101);
      return new Result(persistent, grouped, List.of(firstOnPort, againOnPort), connections);
    }
  }

  /**
   * The service's connection counter, once it reaches {@code expected} or after 6 s. The kernel (6.1 and older) sums
   * its per-CPU counters into what it reports only when its rate estimator runs, every 2 seconds, so a read right
   * after the requests can be short.
   */
  private static long countedConnections(Lab lab, ServiceKey key, long expected) {
    long deadline = System.nanoTime() + 6_000_000_000L;
    long counted = lab.ipvs().getService(key).stats().connections();
    while (counted < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      counted = lab.ipvs().getService(key).stats().connections();
    }
    return counted;
  }

  /** Runs the lab (as root, in the ipvs4j VM: see {@code tools/lab}). */
  public static void main(String[] args) {
    Labs.main(new String[] {"persistence"});
  }
}
