package io.github.ipvs4j.examples.lab;

import static io.github.ipvs4j.ServiceKey.tcp;

import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceHandle;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.sysctl.LvsRecipe;
import io.github.ipvs4j.textformat.ListingPrinter;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The TUN lab: the director wraps each request in IP-in-IP to the real servers, which hold the VIP on {@code tunl0}
 * (the TUN real-server recipe: ARP and reverse-path settings, VIP on {@code tunl0}) and answer the client directly.
 * Then the same with GUE (the request in UDP to port {@value #GUE_PORT}, which the real servers decapsulate with a
 * {@code fou} listener), where the kernel has it.
 */
public final class TunLab {
  private TunLab() {}

  /** The UDP port the real servers receive GUE on. */
  static final int GUE_PORT = 6080;

  /**
   * The tallies.
   *
   * @param ipip {@code rr} over IP-in-IP, 200 requests
   * @param gue {@code rr} over GUE, 200 requests; empty if this kernel has no {@code fou}
   */
  public record Result(Tally ipip, Optional<Tally> gue) {}

  /** Runs the lab, printing what it does to {@code out}. */
  public static Result run(PrintStream out) {
    try (Lab lab = Lab.oneSegment(out)) {
      lab.apply(lab.director(), LvsRecipe.tunDirector("eth0", List.of(Lab.VIP)).plus(Lab.RESCHEDULE_IN_FIN_WAIT));
      lab.apply(lab.rs1(), LvsRecipe.tunRealServer(List.of(Lab.VIP)));
      lab.apply(lab.rs2(), LvsRecipe.tunRealServer(List.of(Lab.VIP)));
      lab.serve(lab.rs1(), DrLab.REPLY_PADDING, 80);
      lab.serve(lab.rs2(), DrLab.REPLY_PADDING, 80);

      ServiceKey key = tcp(Lab.VIP, 80);
      ServiceHandle web = lab.ipvs().service(key).scheduler(Scheduler.RR).create();
      web.destination("192.0.2.11", 80).tunnel().add();
      web.destination("192.0.2.12", 80).tunnel().add();
      lab.show(ListingPrinter.Columns.TUN_INFO);
      Tally ipip = lab.requests("rr, ipip", 200, 80);
      Lab.expect("rr over ipip", ipip, "rs1", 100, 4);
      Lab.expect("rr over ipip", ipip, "rs2", 100, 4);

      Optional<Tally> gue = Optional.empty();
      Optional<String> noGue = listenForGue(lab, lab.rs1()).or(() -> listenForGue(lab, lab.rs2()));
      if (noGue.isPresent()) {
        lab.say("GUE skipped: this kernel has no fou (" + noGue.get() + ")");
      } else {
        web.destination("192.0.2.11", 80).tunnel(Tunnel.gue(GUE_PORT)).update();
        web.destination("192.0.2.12", 80).tunnel(Tunnel.gue(GUE_PORT)).update();
        lab.show(ListingPrinter.Columns.TUN_INFO);
        Tally t = lab.requests("rr, gue", 200, 80);
        Lab.expect("rr over gue", t, "rs1", 100, 4);
        Lab.expect("rr over gue", t, "rs2", 100, 4);
        gue = Optional.of(t);
      }
      return new Result(ipip, gue);
    }
  }

  /** Starts {@code host}'s GUE listener ({@code ip fou add}); the problem if the kernel cannot. */
  private static Optional<String> listenForGue(Lab lab, LabHost host) {
    try {
      host.ip("fou", "add", "port", Integer.toString(GUE_PORT), "gue");
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
    lab.atClose(() -> host.ip("fou", "del", "port", Integer.toString(GUE_PORT)));
    return Optional.empty();
  }

  /** Runs the lab (as root, in the ipvs4j VM: see {@code tools/lab}). */
  public static void main(String[] args) {
    Labs.main(new String[] {"tun"});
  }
}
