package io.github.ipvs4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.testing.InMemoryIpvsClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * {@link IpvsTable#changesTo}: applied to a table, the commands give the target exactly, and they leave alone every
 * service that was already as wanted (so its counters and connections stay).
 */
@Domain(IpvsDomain.class)
@Domain(DomainContext.Global.class)
class TableChangesPropertyTest {
  /** The target: a third of the services dropped, a third kept, a third changed, plus services of another table. */
  static IpvsTable target(IpvsTable from, IpvsTable other, Set<ServiceKey> kept) {
    List<ServiceConfig> out = new ArrayList<>();
    Set<ServiceKey> keys = new HashSet<>();
    for (int i = 0; i < from.services().size(); i++) {
      ServiceConfig s = from.services().get(i);
      keys.add(s.key());
      if (i % 3 == 1) {
        out.add(s);
        kept.add(s.key());
      } else if (i % 3 == 2) {
        VirtualService v = s.service().scheduler().equals(Scheduler.RR)
            ? s.service().withScheduler(Scheduler.WLC) : s.service().withScheduler(Scheduler.RR);
        List<Destination> d = new ArrayList<>();
        for (int k = 1; k < s.destinations().size(); k++) {
          Destination x = s.destinations().get(k);
          d.add(k % 2 == 0 ? x : x.withWeight(x.weight() == 7 ? 8 : 7));
        }
        out.add(new ServiceConfig(v, d));
      }
    }
    for (ServiceConfig s : other.services()) {
      if (keys.add(s.key())) {
        out.add(s);
      }
    }
    return new IpvsTable(out, other.timeouts(), List.of());
  }

  private static ServiceKey keyOf(IpvsCommand c) {
    if (c instanceof IpvsCommand.AddService a) {
      return a.service().key();
    } else if (c instanceof IpvsCommand.EditService e) {
      return e.service().key();
    } else if (c instanceof IpvsCommand.DeleteService d) {
      return d.key();
    } else if (c instanceof IpvsCommand.AddDestination a) {
      return a.service();
    } else if (c instanceof IpvsCommand.EditDestination e) {
      return e.service();
    } else if (c instanceof IpvsCommand.DeleteDestination d) {
      return d.service();
    }
    return null;
  }

  @Property(tries = 300)
  void theChangesGiveTheTargetAndLeaveWhatMatchesAlone(@ForAll IpvsTable a, @ForAll IpvsTable b) {
    IpvsTable from = Writable.of(a).servicesOnly();
    Set<ServiceKey> kept = new HashSet<>();
    IpvsTable target = target(from, Writable.of(b), kept);
    try (InMemoryIpvsClient ipvs = new InMemoryIpvsClient()) {
      ipvs.execute(from.toCommands()).throwIfFailed();
      List<IpvsCommand> changes = ipvs.snapshot().changesTo(target);
      ipvs.execute(changes).throwIfFailed();
      IpvsTable now = ipvs.snapshot();
      assertThat(new HashSet<>(now.services())).isEqualTo(new HashSet<>(target.services()));
      target.timeouts().ifPresent(t -> assertThat(now.timeouts()).contains(
          Timeouts.ofSeconds(900, 120, 300).overriddenBy(t)));
      assertThat(changes).noneMatch(c -> kept.contains(keyOf(c)));
      assertThat(now.servicesOnly().changesTo(target.servicesOnly())).isEmpty();
    }
  }

  @Property(tries = 100)
  void aTableNeedsNoChangesToItself(@ForAll IpvsTable generated) {
    IpvsTable a = Writable.of(generated);
    assertThat(a.changesTo(a)).isEmpty();
    assertThat(a.changesTo(IpvsTable.EMPTY)).hasSize(a.services().size())
        .allMatch(c -> c instanceof IpvsCommand.DeleteService);
    assertThat(IpvsTable.EMPTY.changesTo(a.servicesOnly())).isEqualTo(a.servicesOnly().toCommands());
  }
}
