package io.github.ipvs4j.examples.lab;

import static io.github.ipvs4j.ServiceKey.tcp;

import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceHandle;
import io.github.ipvs4j.sysctl.LvsRecipe;
import io.github.ipvs4j.textformat.ListingPrinter;
import java.io.PrintStream;
import java.util.List;

/**
 * The DR lab: director, real servers and client on one segment. The director holds the VIP on {@code eth0:0}; the
 * real servers hold it on {@code lo} and never answer ARP for it ({@code arp_ignore=1}, {@code arp_announce=2}), both
 * through the role recipes. The director only rewrites the frame's destination MAC, so the replies go from the real
 * servers straight to the client: the director's transmit counter grows by the forwarded requests only, a small part
 * of the reply bytes the client receives.
 */
public final class DrLab {
  private DrLab() {}

  /** Each reply's padding, so that replies dwarf requests. */
  static final int REPLY_PADDING = 16 * 1024;

  /**
   * The tally and the byte counts.
   *
   * @param tally {@code rr}, 200 requests
   * @param directorTxBytes what the director's {@code eth0} sent during the requests
   * @param clientRxBytes what the client's {@code eth0} received during the requests
   */
  public record Result(Tally tally, long directorTxBytes, long clientRxBytes) {}

  /** Runs the lab, printing what it does to {@code out}. */
  public static Result run(PrintStream out) {
    try (Lab lab = Lab.oneSegment(out)) {
      lab.apply(lab.director(), LvsRecipe.drDirector("eth0", List.of(Lab.VIP)).plus(Lab.RESCHEDULE_IN_FIN_WAIT));
      lab.apply(lab.rs1(), LvsRecipe.drRealServer(List.of(Lab.VIP)));
      lab.apply(lab.rs2(), LvsRecipe.drRealServer(List.of(Lab.VIP)));
      lab.serve(lab.rs1(), REPLY_PADDING, 80);
      lab.serve(lab.rs2(), REPLY_PADDING, 80);

      ServiceHandle web = lab.ipvs().service(tcp(Lab.VIP, 80)).scheduler(Scheduler.RR).create();
      web.destination("192.0.2.11", 80).directRoute().add();
      web.destination("192.0.2.12", 80).directRoute().add();
      lab.show();

      DeviceCounters director0 = lab.director().counters("eth0");
      DeviceCounters client0 = lab.client().counters("eth0");
      Tally tally = lab.requests("rr, direct routing", 200, 80);
      long directorTx = lab.director().counters("eth0").since(director0).txBytes();
      long clientRx = lab.client().counters("eth0").since(client0).rxBytes();
      lab.say("client received " + clientRx + " bytes (replies: " + tally.replyBytes() + "); the director sent "
          + directorTx + " (" + percent(directorTx, clientRx) + " of that): the replies did not pass through it");
      lab.show(ListingPrinter.Columns.STATS);
      Lab.expect("rr", tally, "rs1", 100, 4);
      Lab.expect("rr", tally, "rs2", 100, 4);
      Lab.expect("the director sent less than a fifth of the reply bytes (sent " + directorTx + ", client received "
          + clientRx + ")", directorTx * 5 < clientRx && clientRx >= tally.replyBytes());
      return new Result(tally, directorTx, clientRx);
    }
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
  }

  /** Runs the lab (as root, in the ipvs4j VM: see {@code tools/lab}). */
  public static void main(String[] args) {
    Labs.main(new String[] {"dr"});
  }
}
