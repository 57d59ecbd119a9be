package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips between tables and save text, and what mutated text does to the parser. */
class SaveFormatPropertyTest {
  private static final SaveParser PARSER = SaveParser.create();

  @Provide
  Arbitrary<IpvsTable> tables() {
    return Tables.tables(Tables.Options.ALL);
  }

  @Provide
  Arbitrary<IpvsTable> plainTables() {
    return Tables.tables(new Tables.Options(false, false, false, 6, 5));
  }

  /** parse(print(table)) == table, for every attribute the extended format carries. */
  @Property(tries = 400)
  void extendedRoundTrip(@ForAll("tables") IpvsTable table) {
    String text = SavePrinter.numeric().extended(true).unsignedFwmarks(true).print(table);
    assertThat(PARSER.parseTable(text)).as(text).isEqualTo(table);
  }

  /** The plain format loses thresholds, timeouts and daemons, and nothing else. */
  @Property(tries = 300)
  void plainRoundTrip(@ForAll("tables") IpvsTable table) {
    String text = SavePrinter.numeric().unsignedFwmarks(true).print(table);
    IpvsTable back = PARSER.parseTable(text);
    assertThat(back.timeouts()).isEmpty();
    assertThat(back.syncDaemons()).isEmpty();
    assertThat(back.services()).hasSameSizeAs(table.services());
    for (int i = 0; i < back.services().size(); i++) {
      assertThat(back.services().get(i).service()).isEqualTo(table.services().get(i).service());
      List<io.github.ipvs4j.Destination> expected = new ArrayList<>();
      table.services().get(i).destinations().forEach(d -> expected.add(d.withThresholds(0, 0)));
      assertThat(back.services().get(i).destinations()).isEqualTo(expected);
    }
  }

  /** Fwmarks below 2^31 print the same with ipvsadm 1.31's %d, and read back. */
  @Property(tries = 200)
  void signedFwmarkRoundTrip(@ForAll("plainTables") IpvsTable table) {
    String text = SavePrinter.numeric().print(table);
    assertThat(PARSER.parseTable(text)).isEqualTo(table);
    assertThat(SavePrinter.numeric().unsignedFwmarks(true).print(table)).isEqualTo(text);
  }

  /** print(parse(text)) == text for canonical save texts (what the printer writes). */
  @Property(tries = 300)
  void canonicalTextRoundTrip(@ForAll("tables") IpvsTable table) {
    SavePrinter printer = SavePrinter.numeric().unsignedFwmarks(true);
    String text = printer.print(table);
    assertThat(printer.print(PARSER.parseTable(text))).isEqualTo(text);
    SavePrinter extended = printer.extended(true);
    String all = extended.print(table);
    assertThat(extended.print(PARSER.parseTable(all))).isEqualTo(all);
  }

  /** The commands of a save text are its lines, one each, in order. */
  @Property(tries = 100)
  void oneCommandPerLine(@ForAll("tables") IpvsTable table) {
    String text = SavePrinter.numeric().extended(true).unsignedFwmarks(true).print(table);
    List<IpvsCommand> commands = PARSER.parseCommands(text);
    assertThat(commands).hasSize((int) text.lines().count());
  }

  @Provide
  Arbitrary<String> mutated() {
    return Combinators.combine(tables(), Arbitraries.longs())
        .as((t, seed) -> mutate(SavePrinter.numeric().extended(true).unsignedFwmarks(true).print(t), seed));
  }

  /** Mutated text is either read or refused with a positioned error; nothing else ever escapes. */
  @Property(tries = 5000)
  void mutatedTextGetsAPositionedError(@ForAll("mutated") String text) {
    for (SaveParser p : List.of(PARSER, PARSER.withHostResolver(HostResolver.none()))) {
      try {
        p.parseTable(text);
      } catch (TextFormatException e) {
        assertThat(e.line()).isBetween(1L, Math.max(1L, text.lines().count() + 1));
        assertThat(e.column()).isPositive();
        assertThat(e.token()).isNotNull();
        assertThat(e.expected()).isNotBlank();
        // the parser's safety net for unexpected exceptions must never be what answers
        assertThat(e.expected()).doesNotStartWith("a valid ipvsadm line (");
        assertThat(e.getMessage()).startsWith("line " + e.line() + ", column " + e.column() + ": ");
      }
    }
  }

  private static final String[] NOISE = {
    "-", "--", "=", ":", "[", "]", ",", "#", "0", "-1", "+", "x", "-A", "-a", "-t", "-f", "-6", "-p", "-M", "-w",
    "-x", "-y", "-i", "--tun-type", "gue", "--tun-port", "--pe", "-b", "flag-1", "sh-port", "--set", "ipvsadm",
    "99999999999", "4294967296", "2147483648", "::", "[::]:0", "192.0.2.1", "\t", " ", "\r", "é", "\u0000",
    "--start-daemon", "master", "--mcast-group", "224.0.0.1", "ff02::1", "-s", "-E", "-e", "-d", "-D", "-Z", "-C"
  };

  static String mutate(String text, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(text);
    int n = 1 + r.nextInt(4);
    for (int k = 0; k < n; k++) {
      int pos = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      switch (r.nextInt(6)) {
        case 0 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(Math.min(pos, sb.length() - 1));
          }
        }
        case 1 -> sb.insert(pos, NOISE[r.nextInt(NOISE.length)]);
        case 2 -> sb.insert(pos, " " + NOISE[r.nextInt(NOISE.length)] + " ");
        case 3 -> {
          if (sb.length() > 0) {
            sb.setCharAt(Math.min(pos, sb.length() - 1), (char) (32 + r.nextInt(95)));
          }
        }
        case 4 -> sb.setLength(pos);
        default -> {
          int end = Math.min(sb.length(), pos + r.nextInt(12));
          sb.delete(pos, end);
        }
      }
    }
    return sb.toString();
  }
}
