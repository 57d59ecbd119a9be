package io.github.ipvs4j.examples.lab;

import static io.github.ipvs4j.ServiceKey.tcp;

import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceHandle;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Taking a real server out of service, on the NAT wiring. Weight 0 drains {@code rs2}: it gets no new connections,
 * but the connection it already has is still served to the end. Removing it moves all traffic to {@code rs1}.
 */
public final class FailoverLab {
  private FailoverLab() {}

  /**
   * The tallies.
   *
   * @param both both real servers in, 100 requests
   * @param drained {@code rs2} at weight 0, 100 requests
   * @param heldAnswers who answered the two connections opened before the drain and finished after it
   * @param removed {@code rs2} removed, 100 requests
   */
  public record Result(Tally both, Tally drained, Set<String> heldAnswers, Tally removed) {}

  /** Runs the lab, printing what it does to {@code out}. */
  public static Result run(PrintStream out) {
    try (Lab lab = Lab.twoLegged(out)) {
      lab.apply(lab.director(), Lab.NAT_DIRECTOR);
      lab.serve(lab.rs1(), 0, 8080);
      lab.serve(lab.rs2(), 0, 8080);
      ServiceHandle web = lab.ipvs().service(tcp(Lab.VIP, 80)).scheduler(Scheduler.RR).create();
      web.destination("198.51.100.11", 8080).masquerade().add();
      web.destination("198.51.100.12", 8080).masquerade().add();
      Tally both = lab.requests("both in", 100, 80);
      Lab.expect("both in", both, "rs1", 50, 4);
      Lab.expect("both in", both, "rs2", 50, 4);

      // Two connections opened now: round robin gives one to each real server.
      InetSocketAddress vip80 = new InetSocketAddress(Lab.VIP, 80);
      HttpProbe.Held first = HttpProbe.hold(lab.client(), vip80);
      HttpProbe.Held second = HttpProbe.hold(lab.client(), vip80);
      web.destination("198.51.100.12", 8080).weight(0).update();
      lab.say("rs2 drained: weight 0, its open connection kept");
      lab.show();
      Tally drained = lab.requests("rs2 at weight 0", 100, 80);
      Set<String> held = new TreeSet<>(List.of(first.finish().server(), second.finish().server()));
      lab.say("the two connections opened before the drain were answered by " + held);
      Lab.expect("drained", drained, "rs1", 100, 0);
      Lab.expect("the connection open on rs2 finished after the drain", held.equals(Set.of("rs1", "rs2")));

      web.destination("198.51.100.12", 8080).remove();
      lab.say("rs2 removed");
      lab.show();
      Tally removed = lab.requests("rs2 removed", 100, 80);
      Lab.expect("removed", removed, "rs1", 100, 0);
      return new Result(both, drained, held, removed);
    }
  }

  /** Runs the lab (as root, in the ipvs4j VM: see {@code tools/lab}). */
  public static void main(String[] args) {
    Labs.main(new String[] {"failover"});
  }
}
