package io.github.ipvs4j.sysctl.internal;

import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.sysctl.AppliedRecipe;
import io.github.ipvs4j.sysctl.HostChange;
import io.github.ipvs4j.sysctl.InterfaceAddress;
import io.github.ipvs4j.sysctl.Link;
import io.github.ipvs4j.sysctl.LvsHost;
import io.github.ipvs4j.sysctl.NetDeviceException;
import io.github.ipvs4j.sysctl.NoSuchInterfaceException;
import io.github.ipvs4j.sysctl.RecipeFailedException;
import io.github.ipvs4j.sysctl.RecipePlan;
import io.github.ipvs4j.sysctl.RecipeStep;
import io.github.ipvs4j.sysctl.SysctlChange;
import io.github.ipvs4j.sysctl.SysctlKey;
import io.github.ipvs4j.sysctl.Vip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies recipe steps one by one, recording every change with its prior value, and undoes them in reverse order,
 * after a failure or when asked. Not API.
 */
public final class RecipeEngine {
  private static final Logger log = LoggerFactory.getLogger(RecipeEngine.class);

  private RecipeEngine() {}

  /** What applying {@code steps} would change now, and what would make it fail. Changes nothing. */
  public static RecipePlan check(LvsHost host, List<RecipeStep> steps) {
    List<HostChange> changes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Link> links = new HashMap<>();
    host.devices().links().forEach(l -> links.put(l.name(), l));
    Set<Vip> present = new HashSet<>();
    for (InterfaceAddress a : host.devices().addresses()) {
      if (a.prefixLength() == (a.address().getAddress().length == 4 ? 32 : 128)) {
        present.add(Vip.of(a.address(), a.device()));
      }
    }
    Set<String> created = new HashSet<>();
    Map<SysctlKey, String> values = new HashMap<>();
    for (RecipeStep step : steps) {
      if (step instanceof RecipeStep.SetSysctl s) {
        Optional<String> iface = s.key().interfaceName();
        Optional<String> old;
        if (values.containsKey(s.key())) {
          old = Optional.of(values.get(s.key()));
        } else if (iface.isPresent() && created.contains(iface.get())) {
          // A new interface starts with conf/default's values.
          SysctlKey def = SysctlKey.of(s.key().path().replace("/" + iface.get() + "/", "/default/"));
          old = values.containsKey(def) ? Optional.of(values.get(def)) : host.sysctl().find(def);
        } else if (iface.isPresent() && !links.containsKey(iface.get())) {
          problems.add(step + ": no such interface '" + iface.get() + "'");
          continue;
        } else {
          old = host.sysctl().find(s.key());
        }
        if (old.isEmpty()) {
          problems.add(step + ": no such sysctl");
          continue;
        }
        if (!sameValue(old.get(), s.value())) {
          changes.add(new HostChange.SysctlSet(s.key(), old.get(), s.value()));
        }
        values.put(s.key(), s.value());
      } else if (step instanceof RecipeStep.HaveVips v) {
        for (Vip vip : v.vips()) {
          if (!links.containsKey(vip.device()) && !created.contains(vip.device())) {
            problems.add("VIP " + vip + ": no such interface '" + vip.device() + "'");
          } else if (present.add(vip.unlabelled())) {
            changes.add(new HostChange.VipAdded(vip));
          }
        }
      } else if (step instanceof RecipeStep.HaveLink l) {
        Link link = links.get(l.name());
        if (link == null && !created.contains(l.name())) {
          created.add(l.name());
          changes.add(new HostChange.LinkCreated(l.name(), l.kind()));
          if (l.up()) {
            changes.add(new HostChange.LinkUp(l.name()));
          }
        } else if (link != null && l.up() && !link.up()) {
          changes.add(new HostChange.LinkUp(l.name()));
          links.put(l.name(), new Link(link.index(), link.name(), link.kind(), true));
        }
      }
    }
    return new RecipePlan(changes, problems);
  }

  /** Whether two sysctl values are the same: equal text, or equal integers ("01" and "1"). */
  static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Long.parseLong(a.strip()) == Long.parseLong(b.strip());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Applies {@code steps} in order. On a failure, undoes what was done in reverse order and throws
   * {@link RecipeFailedException} with the full account.
   */
  public static AppliedRecipe apply(LvsHost host, String name, List<RecipeStep> steps) {
    List<HostChange> done = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      RecipeStep step = steps.get(i);
      try {
        run(host, step, done);
      } catch (IpvsException | IllegalStateException e) {
        if (e instanceof NetDeviceException nde) {
          nde.changed().forEach(v -> done.add(new HostChange.VipAdded(v)));
        }
        List<HostChange> reverted = new ArrayList<>();
        List<HostChange> notReverted = new ArrayList<>();
        List<Throwable> revertFailures = new ArrayList<>();
        undo(host, done, reverted, notReverted, revertFailures);
        String message = "apply " + name + ": step " + (i + 1) + " of " + steps.size() + " (" + step + ") failed: "
            + e.getMessage() + "; " + done.size() + " change(s) made"
            + (notReverted.isEmpty()
                ? done.isEmpty() ? ", the host is as it was" : " and reverted; the host is as it was"
                : ", " + notReverted.size() + " could not be reverted: " + notReverted);
        RecipeFailedException failure =
            new RecipeFailedException(message, done, reverted, notReverted, steps.subList(i, steps.size()), e);
        revertFailures.forEach(failure::addSuppressed);
        throw failure;
      }
    }
    log.debug("applied {}: {} change(s)", name, done.size());
    return new AppliedRecipe(name, done);
  }

  private static void run(LvsHost host, RecipeStep step, List<HostChange> done) {
    if (step instanceof RecipeStep.SetSysctl s) {
      Optional<SysctlChange> c = host.sysctl().ensure(s.key(), s.value());
      c.ifPresent(ch -> done.add(new HostChange.SysctlSet(ch.key(), ch.oldValue(), ch.newValue())));
    } else if (step instanceof RecipeStep.HaveVips v) {
      host.devices().ensureVips(v.vips()).forEach(vip -> done.add(new HostChange.VipAdded(vip)));
    } else if (step instanceof RecipeStep.HaveLink l) {
      if (host.devices().ensureLink(l.name(), l.kind())) {
        done.add(new HostChange.LinkCreated(l.name(), l.kind()));
      }
      if (l.up() && host.devices().setLinkUp(l.name(), true)) {
        done.add(new HostChange.LinkUp(l.name()));
      }
    }
  }

  /**
   * Undoes {@code handle}'s changes in reverse order; every change is tried even when one fails.
   *
   * @throws RecipeFailedException if some could not be undone
   */
  public static void revert(LvsHost host, AppliedRecipe handle) {
    List<HostChange> reverted = new ArrayList<>();
    List<HostChange> notReverted = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    undo(host, handle.changes(), reverted, notReverted, failures);
    if (!notReverted.isEmpty()) {
      RecipeFailedException e = new RecipeFailedException(
          "revert " + handle.recipe() + ": " + notReverted.size() + " of " + handle.changes().size()
              + " change(s) could not be reverted: " + notReverted + "; first failure: "
              + failures.get(0).getMessage(),
          handle.changes(), reverted, notReverted, List.of(), failures.get(0));
      failures.subList(1, failures.size()).forEach(e::addSuppressed);
      throw e;
    }
    log.debug("reverted {}: {} change(s)", handle.recipe(), reverted.size());
  }

  private static <T> List<T> reverse(List<T> list) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  private static void undo(
      LvsHost host, List<HostChange> done, List<HostChange> reverted, List<HostChange> notReverted,
      List<Throwable> failures) {
    int i = done.size() - 1;
    while (i >= 0) {
      HostChange c = done.get(i);
      if (c instanceof HostChange.VipAdded) {
        // Consecutive VIPs go back in one batch.
        int from = i;
        while (from > 0 && done.get(from - 1) instanceof HostChange.VipAdded) {
          from--;
        }
        List<HostChange> group = new ArrayList<>(done.subList(from, i + 1));
        List<Vip> vips = new ArrayList<>();
        group.forEach(g -> vips.add(((HostChange.VipAdded) g).vip()));
        try {
          host.devices().removeVips(vips);
          reverted.addAll(reverse(group));
        } catch (NoSuchInterfaceException e) {
          reverted.addAll(reverse(group)); // the device is gone, and its addresses with it
        } catch (IpvsException | IllegalStateException e) {
          Set<Vip> removed = new HashSet<>();
          if (e instanceof NetDeviceException nde) {
            nde.changed().forEach(v -> removed.add(v.unlabelled()));
          }
          for (HostChange g : reverse(group)) {
            (removed.contains(((HostChange.VipAdded) g).vip().unlabelled()) ? reverted : notReverted).add(g);
          }
          failures.add(e);
        }
        i = from - 1;
        continue;
      }
      try {
        if (c instanceof HostChange.SysctlSet s) {
          host.sysctl().set(s.key(), s.oldValue());
        } else if (c instanceof HostChange.LinkUp l) {
          if (host.devices().link(l.name()).isPresent()) {
            host.devices().setLinkUp(l.name(), false);
          }
        } else if (c instanceof HostChange.LinkCreated l) {
          if (host.devices().link(l.name()).isPresent()) {
            host.devices().deleteLink(l.name());
          }
        }
        reverted.add(c);
      } catch (IpvsException | IllegalStateException e) {
        notReverted.add(c);
        failures.add(e);
      }
      i--;
    }
  }
}
