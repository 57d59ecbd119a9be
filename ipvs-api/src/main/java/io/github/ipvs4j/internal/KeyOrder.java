package io.github.ipvs4j.internal;

import io.github.ipvs4j.ServiceKey;
import java.util.Comparator;

/** The canonical order of service keys, kept out of {@link ServiceKey}'s own initialiser. Not API. */
public final class KeyOrder {
  private KeyOrder() {}

  /** See {@link ServiceKey#ORDER}. */
  public static final Comparator<ServiceKey> SERVICE_KEYS =
      Comparator.comparingLong(ServiceKey::fwmarkOrZero)
          .thenComparing(ServiceKey::family)
          .thenComparingInt(k -> k instanceof ServiceKey.Inet i ? i.protocol().number() : 0)
          .thenComparing(
              k -> k instanceof ServiceKey.Inet i ? i.address() : null,
              Comparator.nullsFirst(InetAddresses.ORDER))
          .thenComparingInt(k -> k instanceof ServiceKey.Inet i ? i.port() : 0);
}
