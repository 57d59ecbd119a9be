package io.github.ipvs4j.sysctl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test decorators that make the N-th changing call fail (before it changes anything), to inject a fault at a chosen
 * step of a recipe. Reads never fail.
 */
final class Faults {
  private final AtomicInteger left;
  int calls;

  /** Fails the call made when {@code failAt} changing calls have succeeded; negative: never. */
  Faults(int failAt) {
    this.left = new AtomicInteger(failAt);
  }

  void tick(String what) {
    calls++;
    if (left.getAndDecrement() == 0) {
      throw new SysctlException("injected fault at " + what);
    }
  }

  Sysctl wrap(Sysctl s) {
    return new Sysctl() {
      @Override
      public String get(SysctlKey key) {
        return s.get(key);
      }

      @Override
      public Optional<String> find(SysctlKey key) {
        return s.find(key);
      }

      @Override
      public void set(SysctlKey key, String value) {
        tick("set " + key);
        s.set(key, value);
      }

      @Override
      public List<SysctlKey> list(SysctlKey dir) {
        return s.list(dir);
      }
    };
  }

  NetDevices wrap(NetDevices d) {
    return new NetDevices() {
      @Override
      public List<Link> links() {
        return d.links();
      }

      @Override
      public List<InterfaceAddress> addresses() {
        return d.addresses();
      }

      @Override
      public List<Vip> ensureVips(Collection<Vip> vips) {
        tick("ensureVips");
        return d.ensureVips(vips);
      }

      @Override
      public List<Vip> removeVips(Collection<Vip> vips) {
        tick("removeVips");
        return d.removeVips(vips);
      }

      @Override
      public boolean ensureLink(String name, String kind) {
        tick("ensureLink " + name);
        return d.ensureLink(name, kind);
      }

      @Override
      public void deleteLink(String name) {
        tick("deleteLink " + name);
        d.deleteLink(name);
      }

      @Override
      public boolean setLinkUp(String name, boolean up) {
        tick("setLinkUp " + name);
        return d.setLinkUp(name, up);
      }
    };
  }
}
