package io.github.ipvs4j.examples.lab;

/**
 * A network device's byte counters, from one line of {@code /proc/net/dev}.
 *
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 */
public record DeviceCounters(long rxBytes, long txBytes) {
  /** The counters of {@code device} in the text of {@code /proc/net/dev}. */
  static DeviceCounters parse(String procNetDev, String device) {
    for (String line : procNetDev.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals(device)) {
        // receive: bytes packets errs drop fifo frame compressed multicast; transmit: bytes ...
        String[] f = line.substring(colon + 1).trim().split("\\s+");
        return new DeviceCounters(Long.parseLong(f[0]), Long.parseLong(f[8]));
      }
    }
    throw new IllegalArgumentException("device: " + device + " (expected: a device in /proc/net/dev)");
  }

  /** What was counted between {@code earlier} and this. */
  public DeviceCounters since(DeviceCounters earlier) {
    return new DeviceCounters(rxBytes - earlier.rxBytes, txBytes - earlier.txBytes);
  }
}
