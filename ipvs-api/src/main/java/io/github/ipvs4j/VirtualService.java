package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The specification of a virtual service: what {@code ipvsadm -A} and {@code -E} set ({@code IPVS_CMD_ATTR_SERVICE}).
 * What a read returns adds counters: {@link ServiceStatus}.
 *
 * <p>Build one with {@link #builder(ServiceKey)} or {@link #of(ServiceKey, Scheduler)}, change one with the {@code
 * with…} methods or {@link #toBuilder()}. The kernel replaces a whole service on edit, so an edit must carry every
 * field: read, change, write ({@link IpvsClient#updateService(ServiceKey, java.util.function.UnaryOperator)}).
 *
 * <p>The model accepts every value a kernel can hold, so decoding a kernel's answer never fails. Two rules of
 * ipvsadm's that the kernel does not enforce (port 0 only when persistent, one-packet scheduling only for UDP and
 * fwmark services) are checked when a service is added or edited: see {@link IpvsCommand.AddService}.
 *
 * @param key what identifies the service
 * @param scheduler the scheduling algorithm
 * @param schedulerFlags the scheduler flags, each named canonically for {@code scheduler} (see {@link SchedulerFlag});
 *     {@code sh-*} flags need {@link Scheduler#SH}, {@code mh-*} flags {@link Scheduler#MH}
 * @param persistence client persistence, if any ({@code IP_VS_SVC_F_PERSISTENT}, timeout, netmask); a netmask must
 *     be of the key's family, and a host mask (255.255.255.255 or /128) is stored as none
 * @param persistenceEngine the persistence engine such as {@code "sip"} ({@code IPVS_SVC_ATTR_PE_NAME}), 1-15 visible
 *     ASCII characters, if any
 * @param onePacket one-packet scheduling ({@code IP_VS_SVC_F_ONEPACKET}, {@code ipvsadm -o}): schedule each packet on
 *     its own, as for DNS over UDP
 * @param otherFlags service-flag bits this library does not know (anything outside {@link #KNOWN_FLAGS}), kept so that
 *     a read-modify-write never drops them; normally 0
 */
public record VirtualService(
    ServiceKey key,
    Scheduler scheduler,
    Set<SchedulerFlag> schedulerFlags,
    Optional<Persistence> persistence,
    Optional<String> persistenceEngine,
    boolean onePacket,
    int otherFlags) {

  /** {@code IP_VS_SVC_F_PERSISTENT} = 0x1. */
  public static final int FLAG_PERSISTENT = 0x01;
  /** {@code IP_VS_SVC_F_HASHED} = 0x2: kernel-internal, set on every service it reports; never part of the model. */
  public static final int FLAG_HASHED = 0x02;
  /** {@code IP_VS_SVC_F_ONEPACKET} = 0x4. */
  public static final int FLAG_ONEPACKET = 0x04;
  /** The bits the model knows: PERSISTENT, HASHED, ONEPACKET and SCHED1..3 = 0x3f. */
  public static final int KNOWN_FLAGS = 0x3f;

  /**
   * Checks every argument, names scheduler flags canonically, stores a host netmask as none and freezes the flag set.
   */
  public VirtualService {
    Checks.notNull("key", key);
    Checks.notNull("scheduler", scheduler);
    Checks.noNulls("schedulerFlags", schedulerFlags);
    Checks.notNull("persistence", persistence);
    Checks.notNull("persistenceEngine", persistenceEngine);
    persistenceEngine.ifPresent(pe -> Checks.name("persistenceEngine", pe, 15));
    if ((otherFlags & KNOWN_FLAGS) != 0) {
      throw Checks.invalid(
          "otherFlags",
          "0x" + Integer.toHexString(otherFlags),
          "only bits outside 0x3f (the known ones have their own fields)");
    }
    EnumSet<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
    for (SchedulerFlag f : schedulerFlags) {
      if (!f.isValidWith(scheduler)) {
        throw Checks.invalid(
            "schedulerFlags", f.label(), "flags valid with scheduler " + scheduler + ": " + validFlagsFor(scheduler));
      }
      flags.add(f.canonicalFor(scheduler));
    }
    schedulerFlags = Set.copyOf(flags);
    if (persistence.isPresent() && persistence.get().netmask().isPresent()) {
      Netmask m = persistence.get().netmask().get();
      Checks.check(
          m.family() == key.family(),
          "persistence.netmask",
          m,
          key.family() == AddressFamily.INET
              ? "an IPv4 mask for an IPv4 service"
              : "an IPv6 prefix length for an IPv6 service");
      if (m.isHost()) {
        persistence = Optional.of(new Persistence(persistence.get().timeout(), Optional.empty()));
      }
    }
  }

  private static String validFlagsFor(Scheduler scheduler) {
    return Arrays.stream(SchedulerFlag.values())
        .filter(f -> f.isValidWith(scheduler))
        .map(SchedulerFlag::label)
        .collect(Collectors.joining(", "));
  }

  /**
   * The service a kernel reports, from the raw {@code IPVS_SVC_ATTR_*} values: what a decoder calls. Accepts every
   * value a kernel produces: the PERSISTENT, ONEPACKET and SCHED1..3 bits of {@code flags} become fields, HASHED is
   * dropped, unknown bits go to {@link #otherFlags()}; the timeout and netmask are kept only for a persistent
   * service (the kernel ignores them otherwise).
   *
   * @param key the identity, from {@code AF} and {@code FWMARK} or {@code PROTOCOL}/{@code ADDR}/{@code PORT}
   * @param schedulerName {@code SCHED_NAME}; empty is read as {@code "none"}
   * @param flags {@code IPVS_SVC_ATTR_FLAGS}' {@code flags} word
   * @param timeoutSeconds {@code TIMEOUT}, the u32 as a non-negative long
   * @param netmask {@code NETMASK}: for IPv4 the mask in host order ({@code 0xFFFFFF00} for /24), for IPv6 the
   *     prefix length
   * @param persistenceEngine {@code PE_NAME}, or null or empty for none
   * @throws InvalidValueException only for values no kernel reports (a decoder may wrap it as malformed)
   */
  public static VirtualService fromKernel(
      ServiceKey key,
      String schedulerName,
      int flags,
      long timeoutSeconds,
      int netmask,
      String persistenceEngine) {
    Checks.notNull("key", key);
    Scheduler scheduler =
        schedulerName == null || schedulerName.isEmpty() ? Scheduler.NONE : Scheduler.of(schedulerName);
    Optional<Persistence> persistence = Optional.empty();
    if ((flags & FLAG_PERSISTENT) != 0) {
      Netmask mask = key.family() == AddressFamily.INET ? new Netmask.V4(netmask) : new Netmask.V6(netmask);
      persistence = Optional.of(Persistence.of(Duration.ofSeconds(timeoutSeconds), mask));
    }
    return new VirtualService(
        key,
        scheduler,
        SchedulerFlag.fromBits(flags, scheduler),
        persistence,
        persistenceEngine == null || persistenceEngine.isEmpty()
            ? Optional.empty()
            : Optional.of(persistenceEngine),
        (flags & FLAG_ONEPACKET) != 0,
        flags & ~KNOWN_FLAGS);
  }

  /**
   * The {@code IPVS_SVC_ATTR_NETMASK} value to send: the IPv4 mask in host order ({@code 0xFFFFFF00} for /24; the
   * encoder writes it big-endian) or the IPv6 prefix length; the family's host mask when there is none.
   */
  public int netmaskValue() {
    Netmask m =
        persistence.flatMap(Persistence::netmask).orElseGet(() -> Netmask.host(key.family()));
    return m instanceof Netmask.V4 v4 ? v4.mask() : ((Netmask.V6) m).prefixLength();
  }

  /** The {@code IPVS_SVC_ATTR_TIMEOUT} value to send, in seconds: the persistence timeout, or 0. */
  public long timeoutSeconds() {
    return persistence.map(p -> p.timeout().toSeconds()).orElse(0L);
  }

  /** A service with {@code scheduler} and nothing else set. */
  public static VirtualService of(ServiceKey key, Scheduler scheduler) {
    return new VirtualService(key, scheduler, Set.of(), Optional.empty(), Optional.empty(), false, 0);
  }

  /** A builder for a service identified by {@code key}, starting from ipvsadm's defaults (scheduler {@code wlc}). */
  public static Builder builder(ServiceKey key) {
    return new Builder().key(key);
  }

  /** A builder with the fields of this service. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the service is persistent. */
  public boolean isPersistent() {
    return persistence.isPresent();
  }

  /** The address family, that of the {@link #key()}. */
  public AddressFamily family() {
    return key.family();
  }

  /**
   * The whole {@code IPVS_SVC_ATTR_FLAGS} value for the kernel: PERSISTENT, ONEPACKET, the scheduler flags and {@link
   * #otherFlags()} (HASHED is never included; the kernel sets it).
   */
  public int flagBits() {
    return (persistence.isPresent() ? FLAG_PERSISTENT : 0)
        | (onePacket ? FLAG_ONEPACKET : 0)
        | SchedulerFlag.toBits(schedulerFlags)
        | otherFlags;
  }

  /** This service under another key (the rest unchanged). */
  public VirtualService withKey(ServiceKey key) {
    return new VirtualService(key, scheduler, schedulerFlags, persistence, persistenceEngine, onePacket, otherFlags);
  }

  /**
   * This service with another scheduler. The scheduler-flag bits stay set, as in the kernel, under their names for
   * the new scheduler ({@code sh-port} becomes {@code flag-2} when moving from sh to rr).
   */
  public VirtualService withScheduler(Scheduler scheduler) {
    Checks.notNull("scheduler", scheduler);
    Set<SchedulerFlag> renamed = SchedulerFlag.fromBits(SchedulerFlag.toBits(schedulerFlags), scheduler);
    return new VirtualService(key, scheduler, renamed, persistence, persistenceEngine, onePacket, otherFlags);
  }

  /** This service with exactly {@code flags} as its scheduler flags. */
  public VirtualService withSchedulerFlags(Set<SchedulerFlag> flags) {
    return new VirtualService(key, scheduler, flags, persistence, persistenceEngine, onePacket, otherFlags);
  }

  /** This service with {@code persistence}. */
  public VirtualService withPersistence(Persistence persistence) {
    return new VirtualService(
        key,
        scheduler,
        schedulerFlags,
        Optional.of(Checks.notNull("persistence", persistence)),
        persistenceEngine,
        onePacket,
        otherFlags);
  }

  /** This service persistent for {@code timeout}, keeping the netmask it had. */
  public VirtualService withPersistence(Duration timeout) {
    return withPersistence(
        persistence.map(p -> p.withTimeout(timeout)).orElseGet(() -> Persistence.of(timeout)));
  }

  /** This service without persistence. */
  public VirtualService withoutPersistence() {
    return new VirtualService(
        key, scheduler, schedulerFlags, Optional.empty(), persistenceEngine, onePacket, otherFlags);
  }

  /** This service with persistence engine {@code name} (such as {@code "sip"}). */
  public VirtualService withPersistenceEngine(String name) {
    return new VirtualService(
        key,
        scheduler,
        schedulerFlags,
        persistence,
        Optional.of(Checks.name("persistenceEngine", name, 15)),
        onePacket,
        otherFlags);
  }

  /** This service without a persistence engine. */
  public VirtualService withoutPersistenceEngine() {
    return new VirtualService(key, scheduler, schedulerFlags, persistence, Optional.empty(), onePacket, otherFlags);
  }

  /** This service with one-packet scheduling on or off. */
  public VirtualService withOnePacket(boolean onePacket) {
    return new VirtualService(key, scheduler, schedulerFlags, persistence, persistenceEngine, onePacket, otherFlags);
  }

  /**
   * Like an {@code ipvsadm -L -n} service line: {@code "TCP 192.0.2.10:80 wrr (flag-1) persistent 300 mask
   * 255.255.255.0 pe sip ops"}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(key).append(' ').append(scheduler);
    if (!schedulerFlags.isEmpty()) {
      sb.append(" (")
          .append(
              schedulerFlags.stream().sorted().map(SchedulerFlag::label).collect(Collectors.joining(",")))
          .append(')');
    }
    persistence.ifPresent(
        p -> {
          sb.append(" persistent ").append(p.timeout().toSeconds());
          p.netmask().ifPresent(m -> sb.append(" mask ").append(m));
        });
    persistenceEngine.ifPresent(pe -> sb.append(" pe ").append(pe));
    if (onePacket) {
      sb.append(" ops");
    }
    if (otherFlags != 0) {
      sb.append(" flags 0x").append(Integer.toHexString(otherFlags));
    }
    return sb.toString();
  }

  /**
   * A builder of {@link VirtualService}s. Each setter checks its argument; {@link #build()} checks the whole. Not
   * thread-safe; reusable (each {@code build()} returns a new value).
   */
  public static final class Builder {
    private ServiceKey key;
    private Scheduler scheduler = Scheduler.WLC;
    private Set<SchedulerFlag> schedulerFlags = Set.of();
    private Optional<Persistence> persistence = Optional.empty();
    private Optional<String> persistenceEngine = Optional.empty();
    private boolean onePacket;
    private int otherFlags;

    Builder() {}

    Builder(VirtualService s) {
      key = s.key;
      scheduler = s.scheduler;
      schedulerFlags = s.schedulerFlags;
      persistence = s.persistence;
      persistenceEngine = s.persistenceEngine;
      onePacket = s.onePacket;
      otherFlags = s.otherFlags;
    }

    /** Sets the key. */
    public Builder key(ServiceKey key) {
      this.key = Checks.notNull("key", key);
      return this;
    }

    /** Sets the scheduler (default {@code wlc}, as ipvsadm). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Checks.notNull("scheduler", scheduler);
      return this;
    }

    /** Sets the scheduler by name. */
    public Builder scheduler(String name) {
      return scheduler(Scheduler.of(name));
    }

    /** Sets the scheduler flags (default none). */
    public Builder schedulerFlags(Set<SchedulerFlag> flags) {
      this.schedulerFlags = Set.copyOf(Checks.noNulls("schedulerFlags", flags));
      return this;
    }

    /** Sets the scheduler flags (default none). */
    public Builder schedulerFlags(SchedulerFlag... flags) {
      Checks.notNull("schedulerFlags", flags);
      return schedulerFlags(Set.copyOf(Checks.noNulls("schedulerFlags", Arrays.asList(flags))));
    }

    /** Sets the persistence (default none). */
    public Builder persistence(Persistence persistence) {
      this.persistence = Optional.of(Checks.notNull("persistence", persistence));
      return this;
    }

    /** Sets the persistence, empty for none. */
    public Builder persistence(Optional<Persistence> persistence) {
      this.persistence = Checks.notNull("persistence", persistence);
      return this;
    }

    /** Makes the service persistent for {@code timeout} per client address. */
    public Builder persistence(Duration timeout) {
      return persistence(Persistence.of(timeout));
    }

    /** Makes the service persistent for {@code timeout} per client network of {@code netmask}. */
    public Builder persistence(Duration timeout, Netmask netmask) {
      return persistence(Persistence.of(timeout, netmask));
    }

    /** Sets the persistence engine (default none). */
    public Builder persistenceEngine(String name) {
      this.persistenceEngine = Optional.of(Checks.name("persistenceEngine", name, 15));
      return this;
    }

    /** Sets the persistence engine, empty for none. */
    public Builder persistenceEngine(Optional<String> name) {
      Checks.notNull("persistenceEngine", name).ifPresent(n -> Checks.name("persistenceEngine", n, 15));
      this.persistenceEngine = name;
      return this;
    }

    /** Sets one-packet scheduling (default off). */
    public Builder onePacket(boolean onePacket) {
      this.onePacket = onePacket;
      return this;
    }

    /** Sets the unknown flag bits to keep (default 0). */
    public Builder otherFlags(int otherFlags) {
      this.otherFlags = otherFlags;
      return this;
    }

    /** Sets the scheduler and renames the flag bits for it, as {@link VirtualService#withScheduler} does. */
    Builder rescheduled(Scheduler scheduler) {
      this.schedulerFlags = SchedulerFlag.fromBits(SchedulerFlag.toBits(schedulerFlags), scheduler);
      return scheduler(scheduler);
    }

    Optional<Persistence> currentPersistence() {
      return persistence;
    }

    /** The service. */
    public VirtualService build() {
      return new VirtualService(
          key, scheduler, schedulerFlags, persistence, persistenceEngine, onePacket, otherFlags);
    }
  }
}
