package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/**
 * A scheduling algorithm, by the name of its kernel module {@code ip_vs_<name>} ({@code IPVS_SVC_ATTR_SCHED_NAME}).
 * An open set: the constants are the schedulers Linux ships, and {@link #of(String)} accepts any other name, since
 * schedulers are loadable modules and a kernel may have more. Whether the kernel has it is only known when a service
 * uses it ({@link SchedulerOrEngineNotFoundException} otherwise).
 *
 * @param name 1-15 visible ASCII characters ({@code IP_VS_SCHEDNAME_MAXLEN} is 16 with the NUL)
 */
public record Scheduler(String name) {
  /** Round robin. */
  public static final Scheduler RR = new Scheduler("rr");
  /** Weighted round robin. */
  public static final Scheduler WRR = new Scheduler("wrr");
  /** Least connections. */
  public static final Scheduler LC = new Scheduler("lc");
  /** Weighted least connections: ipvsadm's default. */
  public static final Scheduler WLC = new Scheduler("wlc");
  /** Locality-based least connections. */
  public static final Scheduler LBLC = new Scheduler("lblc");
  /** Locality-based least connections with replication. */
  public static final Scheduler LBLCR = new Scheduler("lblcr");
  /** Destination hashing. */
  public static final Scheduler DH = new Scheduler("dh");
  /** Source hashing; takes {@link SchedulerFlag#SH_FALLBACK} and {@link SchedulerFlag#SH_PORT}. */
  public static final Scheduler SH = new Scheduler("sh");
  /** Shortest expected delay. */
  public static final Scheduler SED = new Scheduler("sed");
  /** Never queue. */
  public static final Scheduler NQ = new Scheduler("nq");
  /** Weighted failover. */
  public static final Scheduler FO = new Scheduler("fo");
  /** Weighted overflow. */
  public static final Scheduler OVF = new Scheduler("ovf");
  /** Maglev hashing (kernel 4.18); takes {@link SchedulerFlag#MH_FALLBACK} and {@link SchedulerFlag#MH_PORT}. */
  public static final Scheduler MH = new Scheduler("mh");
  /** Weighted random twos choice. */
  public static final Scheduler TWOS = new Scheduler("twos");
  /** No scheduler bound: the kernel accepts {@code "none"} and reports it for a service without one. */
  public static final Scheduler NONE = new Scheduler("none");

  /** Checks the name. */
  public Scheduler {
    Checks.name("scheduler", name, 15);
  }

  /** The scheduler called {@code name}, such as {@code "wrr"}; any module name is accepted. */
  public static Scheduler of(String name) {
    return new Scheduler(name);
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
