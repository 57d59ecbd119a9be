package io.github.ipvs4j.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Recipes on the fakes (issue #6): apply then revert returns to the exact starting state from random starting values;
 * a fault injected at a random step leaves the state as it was; a second apply changes nothing.
 */
class RecipePropertyTest {
  record World(FakeSysctl sysctl, FakeNetDevices devices) {
    String state() {
      return sysctl.snapshot() + "\n" + devices.snapshot();
    }

    LvsHost host() {
      return LvsHost.of(sysctl, devices);
    }
  }

  /** A host with eth0 and eth1 whose LVS sysctls hold random values within their ranges (non-default ones too). */
  static World world(List<Integer> seeds, boolean tunl0Exists) {
    FakeSysctl sysctl = FakeSysctl.withLvsDefaults();
    FakeNetDevices devices = FakeNetDevices.create(sysctl).addLink("eth0", "").addLink("eth1", "");
    if (tunl0Exists) {
      devices.addLink("tunl0", "ipip");
      devices.setLinkUp("tunl0", false);
    }
    int i = 0;
    for (Map.Entry<SysctlKey, String> e : sysctl.snapshot().entrySet()) {
      int max = switch (e.getKey().name()) {
        case "arp_ignore" -> 8;
        case "arp_announce", "rp_filter" -> 2;
        default -> 1;
      };
      sysctl.put(e.getKey(), Integer.toString(Math.floorMod(seeds.get(i++ % seeds.size()), max + 1)));
    }
    return new World(sysctl, devices);
  }

  /** A host with eth0 and eth1 at the kernel's defaults. */
  static World defaults() {
    FakeSysctl sysctl = FakeSysctl.withLvsDefaults();
    FakeNetDevices devices = FakeNetDevices.create(sysctl).addLink("eth0", "").addLink("eth1", "");
    return new World(sysctl, devices);
  }

  @Provide
  Arbitrary<LvsRecipe> recipes() {
    Arbitrary<List<InetAddress>> vips = Arbitraries.integers().between(1, 254).set().ofMinSize(1).ofMaxSize(6)
        .map(set -> {
          List<InetAddress> out = new ArrayList<>();
          set.forEach(n -> out.add(Vip.literal("192.0.2." + n)));
          return out;
        });
    return vips.flatMap(v -> Arbitraries.of(
        LvsRecipe.natDirector(List.of("eth0", "eth1")),
        LvsRecipe.drDirector("eth0", v),
        LvsRecipe.drRealServer(v),
        LvsRecipe.tunDirector("eth1", v),
        LvsRecipe.tunRealServer(v),
        LvsRecipe.drRealServer(List.of(Vip.literal("2001:db8::" + v.size()), v.get(0)))));
  }

  @Property
  void applyThenRevertRestoresTheExactState(
      @ForAll("recipes") LvsRecipe recipe, @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 8) Integer> seeds,
      @ForAll boolean tunl0Exists, @ForAll boolean viaText) {
    World w = world(seeds, tunl0Exists);
    String before = w.state();
    RecipePlan plan = recipe.check(w.host());
    assertThat(plan.problems()).isEmpty();
    AppliedRecipe handle = recipe.apply(w.host());
    assertThat(handle.changes()).isEqualTo(plan.changes());
    assertThat(recipe.check(w.host()).isSatisfied()).isTrue();
    assertThat(recipe.apply(w.host()).isEmpty()).isTrue(); // second apply: zero changes
    LvsRecipe.revert(w.host(), viaText ? AppliedRecipe.parse(handle.toText()) : handle);
    assertThat(w.state()).isEqualTo(before);
  }

  @Property
  void aFaultAtAnyStepLeavesTheStateAsItWas(
      @ForAll("recipes") LvsRecipe recipe, @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 8) Integer> seeds,
      @ForAll boolean tunl0Exists, @ForAll @IntRange(max = 30) int failAt) {
    World w = world(seeds, tunl0Exists);
    String before = w.state();
    Faults faults = new Faults(failAt);
    LvsHost faulty = LvsHost.of(faults.wrap(w.sysctl()), faults.wrap(w.devices()));
    int changing = recipe.check(w.host()).changes().size();
    try {
      AppliedRecipe handle = recipe.apply(faulty);
      // The fault came after the last change (or during the revert below): nothing was injected during apply.
      assertThat(failAt).isGreaterThanOrEqualTo(faults.calls - 1);
      try {
        LvsRecipe.revert(faulty, handle);
      } catch (RecipeFailedException e) {
        assertThat(e.isClean()).isFalse();
        return; // a fault during revert is reported, not hidden
      }
      assertThat(w.state()).isEqualTo(before);
    } catch (RecipeFailedException e) {
      assertThat(e.getCause()).hasMessageStartingWith("injected fault");
      assertThat(e.done().size()).isLessThanOrEqualTo(changing);
      if (e.isClean()) {
        assertThat(w.state()).isEqualTo(before);
        assertThat(e.reverted()).hasSameSizeAs(e.done());
      }
    }
  }

  @Property
  void handlesSurviveTheirTextForm(@ForAll("recipes") LvsRecipe recipe,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 8) Integer> seeds) {
    World w = world(seeds, false);
    AppliedRecipe handle = recipe.apply(w.host());
    assertThat(AppliedRecipe.parse(handle.toText())).isEqualTo(handle);
  }

  @Example
  void oddSysctlValuesSurviveTheTextForm() {
    AppliedRecipe h = new AppliedRecipe("custom", List.of(
        new HostChange.SysctlSet(SysctlKey.of("net/ipv4/vs/est_cpulist"), "", "0-1 3"),
        new HostChange.SysctlSet(SysctlKey.of("net/ipv4/tcp_rmem"), "4096\t131072 %6291456=", "é")));
    assertThat(AppliedRecipe.parse(h.toText())).isEqualTo(h);
  }

  @Example
  void drRealServerOnDefaults() {
    World w = world(List.of(0), false);
    LvsRecipe rs = LvsRecipe.drRealServer(List.of(Vip.literal("192.0.2.10"), Vip.literal("192.0.2.11")));
    AppliedRecipe h = rs.apply(w.host());
    assertThat(h.toText()).isEqualTo("""
        ipvs4j-applied-recipe 1 dr-real-server
        sysctl net/ipv4/conf/all/arp_ignore =0 =1
        sysctl net/ipv4/conf/all/arp_announce =0 =2
        sysctl net/ipv4/conf/lo/arp_ignore =0 =1
        sysctl net/ipv4/conf/lo/arp_announce =0 =2
        vip 192.0.2.10 lo lo:0
        vip 192.0.2.11 lo lo:1
        """);
  }

  @Example
  void aMissingInterfaceMidwayIsRevertedAndTold() {
    World w = defaults();
    String before = w.state();
    LvsRecipe r = LvsRecipe.natDirector(List.of("eth0", "eth9", "eth1"));
    assertThat(r.check(w.host()).problems()).containsExactly(
        "net/ipv4/conf/eth9/send_redirects = 0: no such interface 'eth9'");
    assertThatThrownBy(() -> r.apply(w.host()))
        .isInstanceOf(RecipeFailedException.class)
        .hasMessageContaining("step 3 of 6")
        .hasMessageContaining("no such interface 'eth9'")
        .hasMessageContaining("2 change(s) made and reverted; the host is as it was")
        .hasCauseInstanceOf(NoSuchInterfaceException.class);
    assertThat(w.state()).isEqualTo(before);
  }

  @Example
  void tunRealServerCreatesTunl0AndRevertDeletesIt() {
    World w = world(List.of(0), false);
    String before = w.state();
    AppliedRecipe h = LvsRecipe.tunRealServer(List.of(Vip.literal("192.0.2.10"))).apply(w.host());
    assertThat(h.changes()).startsWith(new HostChange.LinkCreated("tunl0", "ipip"), new HostChange.LinkUp("tunl0"));
    assertThat(w.devices().link("tunl0")).isPresent();
    LvsRecipe.revert(w.host(), h);
    assertThat(w.devices().link("tunl0")).isEmpty();
    assertThat(w.state()).isEqualTo(before);
  }
}
