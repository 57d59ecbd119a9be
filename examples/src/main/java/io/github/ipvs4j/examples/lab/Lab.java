package io.github.ipvs4j.examples.lab;

import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.sysctl.AppliedRecipe;
import io.github.ipvs4j.sysctl.LvsHost;
import io.github.ipvs4j.sysctl.LvsRecipe;
import io.github.ipvs4j.sysctl.LvsSysctls;
import io.github.ipvs4j.sysctl.RecipePlan;
import io.github.ipvs4j.sysctl.RecipeStep;
import io.github.ipvs4j.sysctl.Vip;
import io.github.ipvs4j.textformat.ListingPrinter;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One run of a lab: a client, a director and two real servers ({@code rs1}, {@code rs2}) as network namespaces, the
 * director's IPVS client, the recipes applied and the web servers started. {@link #close()} undoes it all in reverse
 * order and checks that the undo was exact (the director's table empty again, every recipe's host back to what it
 * was before), then deletes the hosts.
 *
 * <p>Two wirings, documentation addresses only:
 * <ul>
 *   <li>{@link #twoLegged}: for NAT. client {@code 192.0.2.2} on the outer segment with the director's
 *       {@code eth0} ({@code 192.0.2.1}, the VIP {@code 192.0.2.10} beside it); the director's {@code eth1}
 *       ({@code 198.51.100.1}) on the inner segment with {@code rs1 198.51.100.11} and {@code rs2 198.51.100.12}, whose
 *       default gateway is the director.
 *   <li>{@link #oneSegment}: for DR and TUN. All four on {@code 192.0.2.0/24}: client {@code .2}, director {@code .1},
 *       {@code rs1 .11}, {@code rs2 .12}; the VIP {@code .10}.
 * </ul>
 */
public final class Lab implements AutoCloseable {
  /**
   * {@code net.ipv4.vs.conn_reuse_mode = 3} for a DR or TUN director. It sees only the client's half of each
   * connection, so its entries end in FIN_WAIT, not TIME_WAIT; with the default (1) a new connection that reuses a
   * client port of such an entry goes to that entry's real server instead of being scheduled, which skews the tally.
   * Bit 2 reschedules those too.
   */
  public static final RecipeStep RESCHEDULE_IN_FIN_WAIT = RecipeStep.sysctl(LvsSysctls.vs("conn_reuse_mode"), 3);

  /**
   * {@code net.ipv4.vs.expire_nodest_conn = 1}, for a director whose labs remove a service and then connect again.
   * A removed service's connection entries stay in the director's table until they time out (two minutes in TIME_WAIT),
   * and a persistent service's entries are never rescheduled; with the default (0) a new connection that reuses a
   * client port of such an entry is dropped silently until then. With 1 the kernel expires entries whose real server is
   * gone as soon as it is removed.
   */
  public static final RecipeStep EXPIRE_NODEST_CONN = RecipeStep.sysctl(LvsSysctls.vs("expire_nodest_conn"), 1);

  /** The virtual IP every lab balances. */
  public static final InetAddress VIP = Vip.literal("192.0.2.10");

  /** The two-legged director of the NAT wiring: the NAT director recipe for eth0 and eth1, and the VIP as eth0:0. */
  public static final LvsRecipe NAT_DIRECTOR = LvsRecipe.natDirector(List.of("eth0", "eth1"))
      .plus(RecipeStep.vips(List.of(Vip.of(VIP, "eth0").withLabel("eth0:0"))));

  private final PrintStream out;
  private final LabNetwork network;
  /** Undo actions, last first; each returns a problem, or null if it undid exactly. */
  private final Deque<Undo> undo = new ArrayDeque<>();
  private final LabHost client;
  private final LabHost director;
  private final LabHost rs1;
  private final LabHost rs2;
  private IpvsClient ipvs;

  private interface Undo {
    String run();
  }

  private Lab(PrintStream out, LabNetwork network) {
    this.out = out;
    this.network = network;
    this.client = network.host("client");
    this.director = network.host("director");
    this.rs1 = network.host("rs1");
    this.rs2 = network.host("rs2");
  }

  /** A director with an outer and an inner leg, real servers behind it (NAT). */
  public static Lab twoLegged(PrintStream out) {
    return build(out, lab -> {
      lab.network.segment("outer", lab.client.port("eth0", "192.0.2.2/24"), lab.director.port("eth0", "192.0.2.1/24"));
      lab.network.segment("inner", lab.director.port("eth1", "198.51.100.1/24"),
          lab.rs1.port("eth0", "198.51.100.11/24"), lab.rs2.port("eth0", "198.51.100.12/24"));
      lab.rs1.ip("route", "add", "default", "via", "198.51.100.1");
      lab.rs2.ip("route", "add", "default", "via", "198.51.100.1");
      lab.out.println("# hosts: client 192.0.2.2 | director eth0 192.0.2.1, eth1 198.51.100.1 | "
          + "rs1 198.51.100.11, rs2 198.51.100.12 (gateway 198.51.100.1)");
    });
  }

  /** All hosts on one segment (DR, TUN). */
  public static Lab oneSegment(PrintStream out) {
    return build(out, lab -> {
      lab.network.segment("lan", lab.client.port("eth0", "192.0.2.2/24"), lab.director.port("eth0", "192.0.2.1/24"),
          lab.rs1.port("eth0", "192.0.2.11/24"), lab.rs2.port("eth0", "192.0.2.12/24"));
      lab.out.println("# hosts on 192.0.2.0/24: client .2 | director .1 | rs1 .11 | rs2 .12");
    });
  }

  private interface Wiring {
    void wire(Lab lab);
  }

  private static Lab build(PrintStream out, Wiring wiring) {
    LabNetwork network = LabNetwork.create();
    try {
      Lab lab = new Lab(out, network);
      wiring.wire(lab);
      return lab;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /** The client host. */
  public LabHost client() {
    return client;
  }

  /** The director. */
  public LabHost director() {
    return director;
  }

  /** The first real server. */
  public LabHost rs1() {
    return rs1;
  }

  /** The second real server. */
  public LabHost rs2() {
    return rs2;
  }

  /** The director's IPVS client (opened on first use; its table is flushed on close). */
  public IpvsClient ipvs() {
    if (ipvs == null) {
      IpvsClient c = director.ipvs();
      ipvs = c;
      undo.push(() -> {
        c.flush();
        String problem = c.services().isEmpty() ? null : "the director's IPVS table is not empty after the flush";
        c.close();
        return problem;
      });
    }
    return ipvs;
  }

  /** Applies {@code recipe} on {@code host}, to be reverted on close; the revert is checked against a fresh plan. */
  public AppliedRecipe apply(LabHost host, LvsRecipe recipe) {
    LvsHost lvs = host.lvs();
    RecipePlan before = recipe.check(lvs);
    AppliedRecipe applied = recipe.apply(lvs);
    out.println("# " + host.role() + ": " + recipe.name() + " applied, " + applied.changes().size() + " changes");
    undo.push(() -> {
      try (lvs) {
        LvsRecipe.revert(lvs, applied);
        RecipePlan after = recipe.check(lvs);
        return after.equals(before) ? null : host.role() + " after reverting " + recipe.name() + ": " + after
            + " (before: " + before + ")";
      }
    });
    return applied;
  }

  /** Starts {@code host}'s web server on {@code ports}, answering with its role and {@code padding} more bytes. */
  public void serve(LabHost host, int padding, int... ports) {
    NameServer server = NameServer.start(host, padding, ports);
    undo.push(() -> {
      server.close();
      return null;
    });
  }

  /** Runs {@code action} on close, before what was set up earlier is undone (such as deleting a firewall rule). */
  public void atClose(Runnable action) {
    undo.push(() -> {
      action.run();
      return null;
    });
  }

  /** Prints the director's table as {@code ipvsadm -L -n} does (ipvs4j's printer, ipvs4j's read). */
  public void show(ListingPrinter.Columns columns) {
    out.println("$ ipvsadm -L -n" + switch (columns) {
      case STATS -> " --stats";
      case RATE -> " --rate";
      case THRESHOLDS -> " --thresholds";
      case PERSISTENT_CONN -> " --persistent-conn";
      case TUN_INFO -> " --tun-info";
      case DEFAULT -> "";
    });
    out.print(ListingPrinter.numeric().columns(columns).list(ipvs().info(), ipvs().servicesWithDestinations()));
  }

  /** {@link #show(ListingPrinter.Columns)} with the default columns. */
  public void show() {
    show(ListingPrinter.Columns.DEFAULT);
  }

  /** {@code count} requests from the client, round {@code ports} of the VIP in turn; prints the tally. */
  public Tally requests(String phase, int count, int... ports) {
    List<InetSocketAddress> targets = new ArrayList<>();
    for (int p : ports) {
      targets.add(new InetSocketAddress(VIP, p));
    }
    Tally t = HttpProbe.tally(client, count, targets);
    out.println("# " + phase + ": " + t);
    return t;
  }

  /** One request from the client's port {@code clientPort} to the VIP's {@code port}; prints who answered. */
  public String requestFrom(String phase, int clientPort, int port) {
    HttpProbe.Answer a = HttpProbe.requestFrom(client, clientPort, new InetSocketAddress(VIP, port));
    out.println("# " + phase + ": " + a.server());
    return a.server();
  }

  /** Prints a line of the lab's story. */
  public void say(String line) {
    out.println("# " + line);
  }

  /**
   * Checks that {@code server} answered {@code expected} of the tally's requests, give or take {@code tolerance}.
   *
   * @throws LabCheckFailedException otherwise
   */
  public static void expect(String what, Tally tally, String server, int expected, int tolerance) {
    int got = tally.count(server);
    if (Math.abs(got - expected) > tolerance) {
      throw new LabCheckFailedException(
          what + ": expected " + server + " to answer " + expected + " ± " + tolerance + ", got " + tally);
    }
  }

  /**
   * Checks a condition of the lab.
   *
   * @throws LabCheckFailedException if it does not hold
   */
  public static void expect(String what, boolean holds) {
    if (!holds) {
      throw new LabCheckFailedException(what);
    }
  }

  /**
   * Reverts everything in reverse order (every step is tried), deletes the hosts, and says what did not revert.
   *
   * @throws LabCheckFailedException if some change did not revert exactly
   */
  @Override
  public void close() {
    List<String> problems = new ArrayList<>();
    RuntimeException failure = null;
    while (!undo.isEmpty()) {
      try {
        String p = undo.pop().run();
        if (p != null) {
          problems.add(p);
        }
      } catch (RuntimeException e) {
        problems.add(e.toString());
        failure = failure == null ? e : failure;
      }
    }
    network.close();
    if (!problems.isEmpty()) {
      LabCheckFailedException e = new LabCheckFailedException("not reverted exactly: " + problems);
      if (failure != null) {
        e.initCause(failure);
      }
      throw e;
    }
    out.println("# reverted: IPVS table flushed and empty, every recipe undone exactly, hosts deleted");
  }
}
