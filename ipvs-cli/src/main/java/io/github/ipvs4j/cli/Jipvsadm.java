package io.github.ipvs4j.cli;

import io.github.ipvs4j.BatchResult;
import io.github.ipvs4j.Ipvs;
import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.NoSuchServiceException;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.sysctl.NetNamespace;
import io.github.ipvs4j.textformat.ConnectionEntry;
import io.github.ipvs4j.textformat.HostResolver;
import io.github.ipvs4j.textformat.ListingPrinter;
import io.github.ipvs4j.textformat.ListingPrinter.Columns;
import io.github.ipvs4j.textformat.SaveParser;
import io.github.ipvs4j.textformat.SavePrinter;
import io.github.ipvs4j.textformat.ServiceNames;
import io.github.ipvs4j.textformat.TextFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code jipvsadm}: ipvsadm's command lines run through one ipvs4j client, with ipvsadm's output and exit statuses.
 *
 * <pre>
 * jipvsadm -A -t 192.0.2.1:80 -s rr          # the change commands, parsed as ipvsadm parses them
 * jipvsadm -a -t 192.0.2.1:80 -r 198.51.100.1 -g -w 2
 * jipvsadm -Ln --stats                        # the listings, byte for byte
 * jipvsadm -Sn &gt; rules; jipvsadm -R &lt; rules   # save and restore (restore in batches over one socket)
 * jipvsadm --netns blue -Ln                   # beyond ipvsadm: another network namespace
 * </pre>
 *
 * <p>Exit statuses and messages as ipvsadm's: 0 done; 2 a command line ipvsadm's checks refuse before anything is
 * sent, with ipvsadm's words ({@code illegal weight specified}); 255 an option error ({@code -s: missing argument})
 * or a request the kernel refused ({@code Service already exists}); 1 a listing of a missing service. ipvs4j's own,
 * more precise account of a refused line ({@code line 1, column 31: "-1" (expected: a weight 0-2147483647)}) is
 * {@link TextFormatException#getMessage()} for programs that parse through the library.
 */
public final class Jipvsadm {
  /** Exit status for a command line refused before anything was sent (ipvsadm's {@code fail(2, ...)}). */
  public static final int BAD_COMMAND_LINE = 2;
  /** Exit status for a request the kernel refused (ipvsadm returns -1 from main). */
  public static final int KERNEL_REFUSED = 255;

  private static final String VERSION =
      Optional.ofNullable(Jipvsadm.class.getPackage().getImplementationVersion()).orElse("(development build)");

  private static final String USAGE = """
      Usage: jipvsadm COMMAND [OPTIONS]   (ipvsadm's command lines; see ipvsadm(8))
        -A|-E -t|-u|--sctp-service|-f SERVICE -s SCHED [-p [SECONDS]] [-M MASK] [-b FLAGS] [-o] [--pe NAME]
        -D SERVICE                 -C                 -Z [SERVICE]
        -a|-e SERVICE -r SERVER[:PORT] [-g|-i|-m] [-w WEIGHT] [-x UPPER] [-y LOWER] [--tun-type ...]
        -d SERVICE -r SERVER[:PORT]
        -L|-l [-n] [SERVICE] [--stats|--rate|--thresholds|--persistent-conn|--tun-info] [--exact] [--nosort]
        -L|-l -c [-n] [--persistent-conn]   the connection table (/proc/net/ip_vs_conn)
        -L --json                  the whole table as JSON, counters in full
        -L --timeout | -L --daemon     --set TCP TCPFIN UDP     --start-daemon|--stop-daemon master|backup
        -S [-n] [--thresholds]     -R [--atomic]  (rules on standard input, sent in batches over one socket;
                                   --atomic: all or nothing, undone if the kernel refuses a line)
        --netns NAME               run in network namespace /run/netns/NAME
        -v|--version  -h|--help
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Function<IpvsOptions, IpvsClient> clients;
  private final ConnectionTableReader connectionTables;

  /** Reads the text of {@code /proc/net/ip_vs_conn} in the options' network namespace. */
  @FunctionalInterface
  public interface ConnectionTableReader {
    /**
     * The table's text.
     *
     * @throws IOException if it cannot be read (no IPVS in that namespace)
     */
    String read(IpvsOptions options) throws IOException;
  }

  /** A command line reading {@code in}, printing to {@code out} and {@code err}, opening clients with {@code clients}. */
  public Jipvsadm(InputStream in, PrintStream out, PrintStream err, Function<IpvsOptions, IpvsClient> clients) {
    this(in, out, err, clients, Jipvsadm::readConnectionTable);
  }

  /** As {@link #Jipvsadm(InputStream, PrintStream, PrintStream, Function)}, reading {@code -c}'s table with {@code connectionTables}. */
  public Jipvsadm(InputStream in, PrintStream out, PrintStream err, Function<IpvsOptions, IpvsClient> clients,
      ConnectionTableReader connectionTables) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.clients = clients;
    this.connectionTables = connectionTables;
  }

  /**
   * {@code /proc/net/ip_vs_conn} of the options' namespace: read through {@code /proc/thread-self}, by a thread inside
   * that namespace, since {@code /proc/net} shows the namespace of the process's main thread.
   */
  static String readConnectionTable(IpvsOptions options) throws IOException {
    NetNamespace ns = options.networkNamespace().map(NetNamespace::of).orElse(NetNamespace.current());
    try {
      return ns.call(() -> {
        try {
          return Files.readString(Path.of("/proc/thread-self/net/ip_vs_conn"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Runs {@code jipvsadm ARGS} against the kernel and exits with its status. */
  public static void main(String[] args) {
    System.exit(new Jipvsadm(System.in, System.out, System.err, Ipvs::open).run(List.of(args)));
  }

  /** Runs one command line; the exit status. */
  public int run(List<String> args) {
    List<String> rest = new ArrayList<>(args);
    IpvsOptions options = IpvsOptions.defaults();
    int netns = rest.indexOf("--netns");
    if (netns >= 0) {
      if (netns + 1 >= rest.size()) {
        err.println("jipvsadm: --netns needs a namespace name");
        return BAD_COMMAND_LINE;
      }
      options = options.withNetworkNamespace(rest.get(netns + 1));
      rest.subList(netns, netns + 2).clear();
    }
    if (rest.isEmpty()) {
      rest.add("-L"); // ipvsadm with no arguments lists the table
    }
    Flags flags = Flags.of(rest);
    if (flags.has("-v", "--version")) {
      out.println("jipvsadm " + VERSION + " (ipvs4j), for ipvsadm v1.31 command lines");
      return 0;
    }
    if (flags.has("-h", "--help")) {
      out.print(USAGE);
      return 0;
    }
    try {
      if (flags.has("-R", "--restore")) {
        return restore(options, flags.has("--atomic"));
      }
      if (flags.has("-S", "--save", "-L", "-l", "--list")) {
        // ipvsadm's checks of a listing's options, leaving out jipvsadm's own (--json, and --thresholds with -S)
        List<String> checked = new ArrayList<>(rest);
        checked.remove("--json");
        if (flags.has("-S", "--save")) {
          checked.remove("--thresholds");
        }
        SaveParser.create().parseCommands(String.join(" ", checked));
      }
      if (flags.has("-S", "--save")) {
        return withClient(options, c -> save(c, flags));
      }
      if (flags.has("-L", "-l", "--list") && flags.has("-c", "--connection")) {
        return connections(options, flags);
      }
      if (flags.has("-L", "-l", "--list")) {
        return withClient(options, c -> list(c, flags, rest));
      }
      List<IpvsCommand> commands = SaveParser.create().parseCommands(String.join(" ", rest));
      if (commands.isEmpty()) {
        err.println("jipvsadm: no command given (one of -A -E -D -a -e -d -C -Z -L -S -R --set"
            + " --start-daemon --stop-daemon)");
        return BAD_COMMAND_LINE;
      }
      return withClient(options, c -> execute(c, commands));
    } catch (TextFormatException e) {
      // the kernel looks the service up before it checks what the line asks
      return e.kernelErrno().isPresent() && serviceOf(rest).isPresent()
          ? withClient(options, c -> refusedWithClient(c, e, rest))
          : refused(e);
    }
  }

  /**
   * Reports a line refused before sending as ipvsadm reports it: its message and status (2 for its {@code fail()},
   * 255 for an option error), or, for a line ipvsadm would have sent and the kernel refused (a lower threshold above
   * the upper), the kernel's message and 255. Where ipvsadm has no message (it crashes), ipvs4j's, with status 2.
   */
  private int refused(TextFormatException e) {
    if (e.kernelErrno().isPresent()) {
      err.println(IpvsadmMessages.ofKernelErrno(e.kernelErrno().getAsInt(), e.getMessage()));
      return KERNEL_REFUSED;
    }
    if (e.ipvsadmMessage().isPresent()) {
      err.println(e.ipvsadmMessage().get());
      return e.ipvsadmStatus();
    }
    err.println(e.getMessage());
    return BAD_COMMAND_LINE;
  }

  private interface ClientWork {
    int run(IpvsClient client);
  }

  private int withClient(IpvsOptions options, ClientWork work) {
    try (IpvsClient client = clients.apply(options)) {
      return work.run(client);
    } catch (IpvsException e) {
      err.println(IpvsadmMessages.of(e));
      return KERNEL_REFUSED;
    }
  }

  /** Sends the commands as one batch; each refusal is printed, and the status is the last command's, as ipvsadm's. */
  private int execute(IpvsClient client, List<IpvsCommand> commands) {
    return report(client.execute(commands));
  }

  /** Prints each refusal of a batch; the status of its last command. */
  private int report(BatchResult result) {
    int status = 0;
    for (BatchResult.Outcome o : result.outcomes()) {
      status = o.isSuccess() ? 0 : KERNEL_REFUSED;
      o.error().ifPresent(e -> err.println(IpvsadmMessages.of(e)));
    }
    return status;
  }

  /**
   * {@code -R}: the lines of standard input, as {@code ipvsadm -R} runs them: a line its checks refuse
   * ({@code fail()}) ends the restore with status 2, after the lines before it were applied; a line with an option
   * error, or one the kernel refuses, is reported and the restore goes on; the status is the last line's. Lines are
   * sent in batches between refused lines, so messages come out in line order. With {@code --atomic} (beyond
   * ipvsadm), a refused line applies nothing, and if the kernel refuses a line, everything the others changed is
   * undone.
   */
  private int restore(IpvsOptions options, boolean atomic) {
    String text;
    try {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("jipvsadm: cannot read standard input: " + e.getMessage());
      return BAD_COMMAND_LINE;
    }
    if (!atomic) {
      return withClient(options, c -> replay(c, text));
    }
    List<IpvsCommand> commands;
    try {
      commands = SaveParser.create().parseCommands(text);
    } catch (TextFormatException e) {
      int status = refused(e);
      err.println("jipvsadm: --atomic: nothing applied (line " + e.line() + " refused)");
      return status;
    }
    return commands.isEmpty() ? 0 : withClient(options, c -> executeAtomically(c, commands));
  }

  private int replay(IpvsClient client, String text) {
    SaveParser parser = SaveParser.create();
    List<IpvsCommand> pending = new ArrayList<>();
    int status = 0;
    for (String line : text.split("\n", -1)) {
      try {
        pending.addAll(parser.parseCommands(line));
      } catch (TextFormatException e) {
        if (!pending.isEmpty()) {
          execute(client, pending);
          pending.clear();
        }
        boolean tryHelp = e.ipvsadmMessage().filter(m -> m.startsWith("Try `ipvsadm -h'")).isPresent();
        if (tryHelp || (e.kernelErrno().isEmpty() && e.ipvsadmStatus() != KERNEL_REFUSED)) {
          return refused(e); // ipvsadm's fail() or tryhelp_exit(): the restore ends here
        }
        status = refusedWithClient(client, e, Arrays.asList(line.trim().split("\\s+")));
      }
    }
    return pending.isEmpty() ? status : execute(client, pending);
  }

  /**
   * A line refused before sending that ipvsadm would have sent (the kernel's answer) or refused with an option error:
   * its message; for the kernel's answer, "Service not defined" first if the service is missing, as the kernel checks.
   */
  private int refusedWithClient(IpvsClient client, TextFormatException e, List<String> line) {
    if (e.kernelErrno().isPresent()) {
      Optional<ServiceKey> key = serviceOf(line);
      if (key.isPresent() && client.findService(key.get()).isEmpty()) {
        err.println(IpvsadmMessages.SERVICE_NOT_DEFINED);
        return KERNEL_REFUSED;
      }
    }
    return refused(e);
  }

  /**
   * The commands as one batch; if the kernel refuses any, the table is brought back to what it was: services,
   * destinations and timeouts by {@link IpvsTable#changesTo}, sync daemons stopped or started again. Counters reset
   * by {@code -Z} (or by deleting and re-adding) cannot come back. Prints what could not be undone, if anything.
   */
  private int executeAtomically(IpvsClient client, List<IpvsCommand> commands) {
    IpvsTable before = client.snapshot();
    BatchResult result = client.execute(commands);
    int status = report(result);
    if (result.isSuccess()) {
      return status;
    }
    IpvsTable after = client.snapshot();
    List<IpvsCommand> undo = new ArrayList<>(after.changesTo(before));
    for (SyncDaemon d : after.syncDaemons()) {
      if (!before.syncDaemons().contains(d)) {
        undo.add(new IpvsCommand.StopDaemon(d.state()));
      }
    }
    for (SyncDaemon d : before.syncDaemons()) {
      if (!after.syncDaemons().contains(d)) {
        undo.add(new IpvsCommand.StartDaemon(d));
      }
    }
    BatchResult undone = client.execute(undo);
    if (undone.isSuccess()) {
      err.println("jipvsadm: --atomic: " + result.failures().size() + " of " + commands.size()
          + " lines refused; the others were undone (" + undo.size() + " changes)");
    }
    for (BatchResult.Outcome o : undone.failures()) {
      err.println("jipvsadm: --atomic: could not undo: " + o.command() + ": " + IpvsadmMessages.of(o.error().get()));
    }
    return KERNEL_REFUSED;
  }

  private int save(IpvsClient client, Flags flags) {
    SavePrinter printer = flags.has("-n", "--numeric") ? SavePrinter.numeric() : SavePrinter.withNames(
        serviceNames(), HostResolver.system());
    // beyond ipvsadm: -S --thresholds keeps -x and -y, which ipvsadm -S drops (ipvsadm -R reads them)
    printer = printer.extended(flags.has("--thresholds"));
    out.print(printer.print(client.servicesWithDestinations()));
    return 0;
  }

  /** {@code -L -c}: the connection table; as ipvsadm, status 1 and its message if the table cannot be read. */
  private int connections(IpvsOptions options, Flags flags) {
    String text;
    try {
      text = connectionTables.read(options);
    } catch (IOException | IpvsException e) {
      err.println("cannot open file /proc/net/ip_vs_conn");
      return 1;
    }
    ListingPrinter printer = listingPrinter(flags);
    printer = printer.columns(flags.has("--persistent-conn") ? Columns.PERSISTENT_CONN : Columns.DEFAULT);
    out.print(printer.connections(ConnectionEntry.parseProc(text)));
    return 0;
  }

  private int list(IpvsClient client, Flags flags, List<String> args) {
    if (flags.has("--timeout")) {
      out.print(ListingPrinter.timeouts(client.timeouts()));
      return 0;
    }
    if (flags.has("--daemon")) {
      out.print(ListingPrinter.daemons(client.syncDaemons()));
      return 0;
    }
    ListingPrinter printer = listingPrinter(flags);
    printer = printer.columns(columns(flags)).exact(flags.has("-X", "--exact")).sorted(!flags.has("--nosort"));
    Optional<ServiceKey> one = serviceOf(args);
    if (one.isPresent()) {
      Optional<ServiceDetails> service = detailsOf(client, one.get());
      if (service.isEmpty()) {
        err.println("No such service");
        return 1;
      }
      out.print(printer.listService(service.get()));
      return 0;
    }
    List<ServiceDetails> all = client.servicesWithDestinations();
    out.print(flags.has("--json") ? ListingJson.of(client.info(), all) : printer.list(client.info(), all));
    return 0;
  }

  /** One service with its destinations, read alone; empty if it is missing (or deleted between the two reads). */
  private static Optional<ServiceDetails> detailsOf(IpvsClient client, ServiceKey key) {
    try {
      return client.findService(key).map(s -> new ServiceDetails(s, client.destinations(key)));
    } catch (NoSuchServiceException deletedMeanwhile) {
      return Optional.empty();
    }
  }

  private static Columns columns(Flags flags) {
    if (flags.has("--stats")) {
      return Columns.STATS;
    }
    if (flags.has("--rate")) {
      return Columns.RATE;
    }
    if (flags.has("--thresholds")) {
      return Columns.THRESHOLDS;
    }
    if (flags.has("--persistent-conn")) {
      return Columns.PERSISTENT_CONN;
    }
    return flags.has("--tun-info") ? Columns.TUN_INFO : Columns.DEFAULT;
  }

  /**
   * The service a listing names ({@code -t VIP:PORT}, {@code -u}, {@code --sctp-service}, {@code -f MARK [-6]}),
   * read by the same parser as a change command's, so it is understood exactly as ipvsadm's {@code parse_service}.
   */
  private static Optional<ServiceKey> serviceOf(List<String> args) {
    List<String> service = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (List.of("-t", "--tcp-service", "-u", "--udp-service", "--sctp-service", "-f", "--fwmark-service")
          .contains(a) && i + 1 < args.size()) {
        service.add(a);
        service.add(args.get(i + 1));
      } else if (a.equals("-6")) {
        service.add(a);
      }
    }
    if (service.isEmpty()) {
      return Optional.empty();
    }
    IpvsCommand delete = SaveParser.create().parseCommands("-D " + String.join(" ", service)).get(0);
    return Optional.of(((IpvsCommand.DeleteService) delete).key());
  }

  /** Numbers with {@code -n}, else names, as ipvsadm's listings. */
  private static ListingPrinter listingPrinter(Flags flags) {
    return flags.has("-n", "--numeric")
        ? ListingPrinter.numeric()
        : ListingPrinter.withNames(serviceNames(), HostResolver.system());
  }

  private static ServiceNames serviceNames() {
    Path etc = Path.of("/etc/services");
    return Files.isReadable(etc) ? ServiceNames.fromFile(etc) : ServiceNames.builtIn();
  }

  /** The options of a command line, with clusters such as {@code -Ln} split into {@code -L -n}. */
  private record Flags(List<String> all) {
    static Flags of(List<String> args) {
      List<String> all = new ArrayList<>();
      for (String a : args) {
        boolean cluster = a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-'
            && a.chars().skip(1).allMatch(Character::isLetter);
        if (cluster) {
          a.chars().skip(1).forEach(c -> all.add("-" + (char) c));
        } else {
          all.add(a);
        }
      }
      return new Flags(all);
    }

    boolean has(String... names) {
      for (String n : names) {
        if (all.contains(n)) {
          return true;
        }
      }
      return false;
    }
  }
}
