package io.github.ipvs4j.textformat;

import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ServiceDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts status values into the kernel's order, read from an {@code ipvsadm -L -n --nosort} listing of the same
 * table: the order a netlink dump would give them in.
 */
final class KernelOrder {
  private KernelOrder() {}

  static List<ServiceDetails> fromNosortListing(String nosort, List<ServiceDetails> services) {
    ListingPrinter p = ListingPrinter.numeric().sorted(false);
    Map<String, ServiceDetails> byLine = new LinkedHashMap<>();
    for (ServiceDetails d : services) {
      String[] lines = p.listService(new ServiceDetails(d.service(), List.of())).split("\n");
      byLine.put(lines[2], d);
    }
    List<ServiceDetails> out = new ArrayList<>();
    ServiceDetails current = null;
    List<String> destLines = new ArrayList<>();
    for (String line : nosort.split("\n")) {
      if (byLine.containsKey(line)) {
        if (current != null) {
          out.add(withDestOrder(p, current, destLines));
        }
        current = byLine.get(line);
        destLines = new ArrayList<>();
      } else if (line.startsWith("  -> ") && current != null) {
        destLines.add(line);
      }
    }
    if (current != null) {
      out.add(withDestOrder(p, current, destLines));
    }
    if (out.size() != services.size()) {
      throw new AssertionError("the --nosort listing does not list the same services:\n" + nosort);
    }
    return out;
  }

  private static ServiceDetails withDestOrder(ListingPrinter p, ServiceDetails d, List<String> destLines) {
    Map<String, DestinationStatus> byLine = new LinkedHashMap<>();
    for (DestinationStatus s : d.destinations()) {
      String[] lines = p.listService(new ServiceDetails(d.service(), List.of(s))).split("\n");
      byLine.put(lines[3], s);
    }
    List<DestinationStatus> ordered = new ArrayList<>();
    for (String l : destLines) {
      DestinationStatus s = byLine.get(l);
      if (s == null) {
        throw new AssertionError("unknown destination line: " + l);
      }
      ordered.add(s);
    }
    return new ServiceDetails(d.service(), ordered);
  }
}
