package io.github.ipvs4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.internal.AscendingDestinations;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * The list a save-file reader builds in order keeps its promise, so {@link ServiceConfig} may take its order as proven:
 * whatever is appended, replaced or removed, it stays strictly ascending, and a config built from it equals one built
 * from the same destinations in a plain list (which the constructor checks and sorts itself).
 */
@Domain(IpvsDomain.class)
@Domain(DomainContext.Global.class)
class AscendingDestinationsTest {

  @Property(tries = 300)
  void appendTakesOnlyWhatComesAfterTheLast(
      @ForAll @Size(max = 30) List<Destination> given, @ForAll boolean sortFirst, @ForAll VirtualService service) {
    List<Destination> input = new ArrayList<>(given);
    if (sortFirst) {
      input.sort(Destination.ORDER);
    }
    if (!input.isEmpty()) {
      input.add(input.get(input.size() / 2)); // a repeat, which must be refused
    }
    AscendingDestinations list = new AscendingDestinations();
    List<Destination> kept = new ArrayList<>();
    for (Destination d : input) {
      boolean expected = kept.isEmpty() || Destination.ORDER.compare(kept.get(kept.size() - 1), d) < 0;
      assertThat(list.append(d)).isEqualTo(expected);
      if (expected) {
        kept.add(d);
      }
    }
    assertThat(list).containsExactlyElementsOf(kept);
    assertStrictlyAscending(list);
    for (int i = 0; i < kept.size(); i++) {
      Destination d = kept.get(i);
      assertThat(list.indexOf(d.address(), d.port())).isEqualTo(i);
    }

    List<Destination> ofFamily = kept.stream().filter(d -> fits(service, d)).toList();
    AscendingDestinations sameFamily = new AscendingDestinations();
    ofFamily.forEach(sameFamily::append);
    assertThat(new ServiceConfig(service, sameFamily)).isEqualTo(new ServiceConfig(service, new ArrayList<>(ofFamily)));
  }

  @Property(tries = 200)
  void replaceAndRemoveKeepTheOrder(@ForAll @Size(min = 1, max = 20) List<Destination> given, @ForAll int pick) {
    AscendingDestinations list = new AscendingDestinations();
    given.stream().sorted(Destination.ORDER).forEach(list::append);
    int i = Math.floorMod(pick, list.size());
    Destination at = list.get(i);
    Destination edited = at.withWeight(at.weight() == 7 ? 8 : 7);
    list.replace(i, edited);
    assertThat(list.get(i)).isEqualTo(edited);
    if (list.size() > 1) {
      Destination other = list.get((i + 1) % list.size());
      int j = i;
      assertThatThrownBy(() -> list.replace(j, other)).isInstanceOf(IllegalArgumentException.class);
    }
    list.removeAt(i);
    assertThat(list.indexOf(at.address(), at.port())).isNegative();
    assertStrictlyAscending(list);
  }

  @Property(tries = 50)
  void aMissingDestinationIsNotFound(@ForAll @Size(max = 20) List<Destination> given, @ForAll InetAddress address) {
    AscendingDestinations list = new AscendingDestinations();
    given.stream().sorted(Destination.ORDER).forEach(list::append);
    boolean present = list.stream().anyMatch(d -> d.isAt(address, 1));
    assertThat(list.indexOf(address, 1) >= 0).isEqualTo(present);
  }

  @Property(tries = 1)
  void theListViewIsReadOnlyAndRefusesNull() {
    AscendingDestinations list = new AscendingDestinations();
    assertThatThrownBy(() -> list.append(null)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> list.add(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static boolean fits(VirtualService service, Destination d) {
    return d.family() == service.key().family() || d.forwarding() == ForwardingMethod.TUNNEL;
  }

  private static void assertStrictlyAscending(List<Destination> list) {
    for (int i = 1; i < list.size(); i++) {
      assertThat(Destination.ORDER.compare(list.get(i - 1), list.get(i))).isNegative();
    }
  }
}
