package io.github.ipvs4j;

import io.github.ipvs4j.testing.InMemoryIpvsClient;

import java.util.ArrayList;
import java.util.List;

/** Turns a generated table into one the in-memory fake (and ipvsadm's rules) accept. */
final class Writable {
  private Writable() {}

  static VirtualService of(VirtualService s) {
    VirtualService out = s;
    if (!InMemoryIpvsClient.KNOWN_SCHEDULERS.contains(out.scheduler())) {
      out = out.withScheduler(Scheduler.WLC);
    }
    if (out.persistenceEngine().isPresent() && !out.persistenceEngine().get().equals("sip")) {
      out = out.withPersistenceEngine("sip");
    }
    if (out.key() instanceof ServiceKey.Inet inet) {
      if (inet.port() == 0 && !out.isPersistent()) {
        out = out.withPersistence(Persistence.DEFAULT_TIMEOUT);
      }
      if (out.onePacket() && !inet.protocol().equals(Protocol.UDP)) {
        out = out.withOnePacket(false);
      }
    }
    return out;
  }

  static IpvsTable of(IpvsTable t) {
    List<ServiceConfig> services = new ArrayList<>();
    t.services().forEach(s -> services.add(new ServiceConfig(of(s.service()), s.destinations())));
    return new IpvsTable(services, t.timeouts(), t.syncDaemons());
  }
}
