package io.github.ipvs4j.examples.lab;

import static io.github.ipvs4j.ServiceKey.tcp;

import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceHandle;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.textformat.ListingPrinter;
import java.io.PrintStream;

/**
 * The NAT lab: a director with two legs masquerades {@code VIP:80} to two real servers' port 8080. With {@code wrr}
 * and weights 3 and 1, 400 requests are answered 300 and 100; with {@code rr}, 200 and 200.
 *
 * <pre>
 * client 192.0.2.2 --- eth0 192.0.2.1 (VIP 192.0.2.10 as eth0:0) director eth1 198.51.100.1 --- rs1 198.51.100.11:8080
 *                                                                                          \--- rs2 198.51.100.12:8080
 * </pre>
 */
public final class NatLab {
  private NatLab() {}

  /**
   * The tallies.
   *
   * @param weighted {@code wrr} with weights 3 (rs1) and 1 (rs2), 400 requests
   * @param roundRobin {@code rr}, 400 requests
   */
  public record Result(Tally weighted, Tally roundRobin) {}

  /** Runs the lab, printing what it does to {@code out}. */
  public static Result run(PrintStream out) {
    try (Lab lab = Lab.twoLegged(out)) {
      lab.apply(lab.director(), Lab.NAT_DIRECTOR);
      lab.serve(lab.rs1(), 0, 8080);
      lab.serve(lab.rs2(), 0, 8080);

      ServiceKey key = tcp(Lab.VIP, 80);
      ServiceHandle web = lab.ipvs().service(key).scheduler(Scheduler.WRR).create();
      web.destination("198.51.100.11", 8080).masquerade().weight(3).add();
      web.destination("198.51.100.12", 8080).masquerade().weight(1).add();
      lab.show();
      Tally weighted = lab.requests("wrr, weights 3:1", 400, 80);
      Lab.expect("wrr 3:1", weighted, "rs1", 300, 8);
      Lab.expect("wrr 3:1", weighted, "rs2", 100, 8);

      lab.ipvs().service(key).scheduler(Scheduler.RR).update();
      Tally even = lab.requests("rr", 400, 80);
      Lab.expect("rr", even, "rs1", 200, 8);
      Lab.expect("rr", even, "rs2", 200, 8);
      lab.show(ListingPrinter.Columns.STATS);
      return new Result(weighted, even);
    }
  }

  /** Runs the lab in this process's network namespace setup (as root, in the ipvs4j VM: see {@code tools/lab}). */
  public static void main(String[] args) {
    Labs.main(new String[] {"nat"});
  }
}
