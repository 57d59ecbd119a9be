package io.github.ipvs4j;

import java.util.EnumSet;
import java.util.Set;

/**
 * A scheduler flag of a virtual service: one of the three bits {@code IP_VS_SVC_F_SCHED1..3}, under the name it has
 * for the service's scheduler ({@code ipvsadm -b}). The {@code sh} and {@code mh} schedulers give the first two bits
 * meanings and names ({@code sh-fallback}, {@code sh-port}, {@code mh-fallback}, {@code mh-port}); any other scheduler
 * sees them as {@code flag-1} and {@code flag-2}; bit three is always {@code flag-3}.
 *
 * <p>{@link VirtualService} keeps each bit under its canonical name for the service's scheduler: {@code FLAG_1} given
 * with {@code sh} becomes {@link #SH_FALLBACK}, and {@code SH_*} flags with a scheduler other than {@code sh} are
 * refused.
 */
public enum SchedulerFlag {
  /** {@code IP_VS_SVC_F_SCHED1} = 0x08 under any scheduler but sh and mh: {@code flag-1}. */
  FLAG_1("flag-1", 0x08, null),
  /** {@code IP_VS_SVC_F_SCHED2} = 0x10 under any scheduler but sh and mh: {@code flag-2}. */
  FLAG_2("flag-2", 0x10, null),
  /** {@code IP_VS_SVC_F_SCHED3} = 0x20: {@code flag-3}. */
  FLAG_3("flag-3", 0x20, null),
  /** {@code IP_VS_SVC_F_SCHED_SH_FALLBACK} (SCHED1) with sh: try another server when the hashed one is unavailable. */
  SH_FALLBACK("sh-fallback", 0x08, "sh"),
  /** {@code IP_VS_SVC_F_SCHED_SH_PORT} (SCHED2) with sh: hash the source port too. */
  SH_PORT("sh-port", 0x10, "sh"),
  /** {@code IP_VS_SVC_F_SCHED_MH_FALLBACK} (SCHED1) with mh: try another server when the hashed one is unavailable. */
  MH_FALLBACK("mh-fallback", 0x08, "mh"),
  /** {@code IP_VS_SVC_F_SCHED_MH_PORT} (SCHED2) with mh: hash the source port too. */
  MH_PORT("mh-port", 0x10, "mh");

  /** The three scheduler-flag bits, {@code IP_VS_SVC_F_SCHED1 | SCHED2 | SCHED3} = 0x38. */
  public static final int MASK = 0x38;

  private final String label;
  private final int bit;
  private final String schedulerName;

  SchedulerFlag(String label, int bit, String schedulerName) {
    this.label = label;
    this.bit = bit;
    this.schedulerName = schedulerName;
  }

  /** ipvsadm's name, such as {@code "sh-port"}. */
  public String label() {
    return label;
  }

  /** The bit in {@code IPVS_SVC_ATTR_FLAGS}: 0x08, 0x10 or 0x20. */
  public int bit() {
    return bit;
  }

  /** Whether this name is valid with {@code scheduler}: SH_* only with sh, MH_* only with mh, FLAG_* always. */
  public boolean isValidWith(Scheduler scheduler) {
    return schedulerName == null || (scheduler != null && schedulerName.equals(scheduler.name()));
  }

  /** The canonical name of this flag's bit under {@code scheduler}: FLAG_1 with sh is SH_FALLBACK, for example. */
  public SchedulerFlag canonicalFor(Scheduler scheduler) {
    return fromBits(bit, scheduler).iterator().next();
  }

  /** The flag with ipvsadm name {@code label} (such as {@code "sh-port"}), case-sensitive as ipvsadm is. */
  public static SchedulerFlag parse(String label) {
    for (SchedulerFlag f : values()) {
      if (f.label.equals(label)) {
        return f;
      }
    }
    throw new InvalidValueException(
        "schedulerFlags",
        label == null ? "null" : '"' + label + '"',
        "flag-1, flag-2, flag-3, sh-fallback, sh-port, mh-fallback or mh-port");
  }

  /**
   * The flags set in {@code bits} (only the {@link #MASK} bits are looked at), named for {@code scheduler}: a decoder
   * uses this on {@code IPVS_SVC_ATTR_FLAGS}.
   */
  public static Set<SchedulerFlag> fromBits(int bits, Scheduler scheduler) {
    boolean sh = Scheduler.SH.equals(scheduler);
    boolean mh = Scheduler.MH.equals(scheduler);
    EnumSet<SchedulerFlag> out = EnumSet.noneOf(SchedulerFlag.class);
    if ((bits & 0x08) != 0) {
      out.add(sh ? SH_FALLBACK : mh ? MH_FALLBACK : FLAG_1);
    }
    if ((bits & 0x10) != 0) {
      out.add(sh ? SH_PORT : mh ? MH_PORT : FLAG_2);
    }
    if ((bits & 0x20) != 0) {
      out.add(FLAG_3);
    }
    return out;
  }

  /** The bits of {@code flags} OR-ed together. */
  public static int toBits(Set<SchedulerFlag> flags) {
    int bits = 0;
    for (SchedulerFlag f : flags) {
      bits |= f.bit;
    }
    return bits;
  }

  /** The {@linkplain #label() label}. */
  @Override
  public String toString() {
    return label;
  }
}
