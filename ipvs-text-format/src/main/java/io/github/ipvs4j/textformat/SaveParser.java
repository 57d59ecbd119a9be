package io.github.ipvs4j.textformat;

import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.textformat.internal.LineParser;
import io.github.ipvs4j.textformat.internal.LineReader;
import io.github.ipvs4j.textformat.internal.TableReplay;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads what {@code ipvsadm -R} reads: {@code ipvsadm-save} files ({@code /etc/ipvsadm.rules}, {@code
 * /etc/sysconfig/ipvsadm}) and any other list of ipvsadm invocations, one per line.
 *
 * <pre>{@code
 * IpvsTable table = SaveParser.create().parseTable(Path.of("/etc/ipvsadm.rules"));
 * List<IpvsCommand> replay = SaveParser.create().parseCommands(text);
 * }</pre>
 *
 * <h2>What is read</h2>
 *
 * Each line is one ipvsadm invocation, split at spaces, tabs and carriage returns (so CRLF files read fine), with
 * every token {@code ipvsadm} dropped (so lines may start with the program's name). The commands {@code -A -E -D -a
 * -e -d -C -Z --set --start-daemon --stop-daemon} are accepted, with ipvsadm's options in short and long form and
 * popt's syntax ({@code -w 5}, {@code -w5}, {@code -w=5}, {@code --weight 5}, {@code --weight=5}, clusters such as
 * {@code -mw5}, {@code -p} with or without a timeout, {@code --}). Values are read as ipvsadm reads them: addresses
 * as {@code inet_aton} / {@code inet_pton} do ({@code 192.2} is 192.0.0.2; {@code [2001:db8::1]:80}; a bare IPv6
 * address has no port), ports and port names through {@link ServiceNames}, host names through a {@link
 * HostResolver} (none by default: host names are refused), numbers as {@code strtol} does ({@code +5} is 5).
 *
 * <p>The parser produces what ipvsadm would send, with its defaults: scheduler {@code wlc}, weight 1, direct routing,
 * {@code -p} alone is 360 s, the real server's port is the service's when not given and is forced to it for direct
 * routing and tunnelling of a non-fwmark service; {@code -E} and {@code -e} give complete objects built from those
 * defaults (omitted options are reset, not kept), as ipvsadm sends them.
 *
 * <p>Blank lines and lines whose first non-blank character is {@code #} are skipped (the {@code ipvsadm-restore}
 * script drops {@code #} lines before ipvsadm sees them). Lines that list or print ({@code -L}, {@code -S}, {@code
 * -h}, ...) are refused: they change nothing.
 *
 * <h2>What is refused</h2>
 *
 * Everything ipvsadm refuses, and what the model cannot hold although ipvsadm passes it to the kernel for it to
 * refuse (a lower threshold above the upper one, a persistence engine name of 16 characters or more). The {@link
 * TextFormatException} gives the line, the column, the token and what was expected there. {@link #parseCommands}
 * and {@link #parseTable} return nothing when any line is refused; {@link #stream} has given the lines before to its
 * consumer. Differences from ipvsadm: comment lines are skipped (ipvsadm itself refuses them), and {@code -M}
 * without {@code -p} is read and dropped (the kernel keeps a netmask that nothing shows).
 *
 * <p>Immutable and thread-safe; each parse uses its own state. Memory is bounded: lines are read through one buffer
 * and the longest line allowed is 1 MiB characters.
 */
public final class SaveParser {
  private final ServiceNames serviceNames;
  private final HostResolver hosts;

  private SaveParser(ServiceNames serviceNames, HostResolver hosts) {
    this.serviceNames = serviceNames;
    this.hosts = hosts;
  }

  /** A parser with the {@linkplain ServiceNames#builtIn() built-in port names} and no host names. */
  public static SaveParser create() {
    return new SaveParser(ServiceNames.builtIn(), HostResolver.none());
  }

  /** This parser resolving port names with {@code names} (such as {@link ServiceNames#fromFile}). */
  public SaveParser withServiceNames(ServiceNames names) {
    return new SaveParser(Objects.requireNonNull(names, "names"), hosts);
  }

  /** This parser resolving host names with {@code resolver} (IPv4 only, as ipvsadm). */
  public SaveParser withHostResolver(HostResolver resolver) {
    return new SaveParser(serviceNames, Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * The commands of {@code text} in order, to replay as {@code ipvsadm -R} would.
   *
   * @throws TextFormatException for the first refused line
   */
  public List<IpvsCommand> parseCommands(String text) {
    Objects.requireNonNull(text, "text");
    List<IpvsCommand> out = new ArrayList<>();
    stream(sink -> LineReader.read(text, sink), out::add);
    return out;
  }

  /**
   * The commands of {@code in} in order.
   *
   * @throws TextFormatException for the first refused line
   * @throws UncheckedIOException if reading fails
   */
  public List<IpvsCommand> parseCommands(Reader in) {
    List<IpvsCommand> out = new ArrayList<>();
    stream(in, out::add);
    return out;
  }

  /** The commands of the UTF-8 file {@code file} in order. */
  public List<IpvsCommand> parseCommands(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parseCommands(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Gives each command of {@code in} to {@code sink} as soon as its line is read, in bounded memory whatever the
   * size of the input. When a line is refused, the commands of the lines before it have been given.
   *
   * @throws TextFormatException for the first refused line
   * @throws UncheckedIOException if reading fails
   */
  public void stream(Reader in, Consumer<? super IpvsCommand> sink) {
    Objects.requireNonNull(in, "in");
    stream(lines -> LineReader.read(in, lines), sink);
  }

  private void stream(Lines source, Consumer<? super IpvsCommand> sink) {
    Objects.requireNonNull(sink, "sink");
    forEachCommand(source, (command, line) -> sink.accept(command));
  }

  /** Where lines come from: a String or a Reader, read into a sink of blocks. */
  private interface Lines {
    void readInto(LineReader.Sink sink) throws IOException;
  }

  /** Receives each command with the number of its line. */
  private interface CommandSink {
    void accept(IpvsCommand command, long line);
  }

  /**
   * Parses the lines of {@code source} in order and gives each command to {@code sink}.
   *
   * @return the number of the last line read (0 for an empty input)
   */
  private long forEachCommand(Lines source, CommandSink sink) {
    LineParser parser = new LineParser(serviceNames, hosts);
    long[] lastLine = {0};
    try {
      source.readInto((chars, from, to, firstLine) -> {
        long line = firstLine;
        for (int at = from; at < to; line++) {
          IpvsCommand c = parse(parser, chars, at, line);
          if (c != null) {
            sink.accept(c, line);
          }
          at = parser.lineEnd() + 1;
        }
        lastLine[0] = line - 1;
        return line - firstLine;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lastLine[0];
  }

  private static IpvsCommand parse(LineParser parser, char[] chars, int offset, long lineNo) {
    try {
      return parser.parse(chars, offset, lineNo);
    } catch (TextFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      // a model check the line parser did not anticipate: still a positioned error
      String line = new String(chars, offset, parser.lineEnd() - offset).trim();
      throw new TextFormatException(lineNo, 1, line,
          e instanceof InvalidValueException ? e.getMessage() : "a valid ipvsadm line (" + e + ")");
    }
  }

  /**
   * The table that replaying {@code text} on an empty kernel gives: for an {@code ipvsadm-save} file, its services
   * and destinations; with {@code --set} and {@code --start-daemon} lines, also timeouts and sync daemons.
   *
   * @throws TextFormatException for the first refused line, or a command the kernel would refuse in the table built
   *     so far (a service added twice, a destination of a missing service, ...)
   */
  public IpvsTable parseTable(String text) {
    Objects.requireNonNull(text, "text");
    return parseTable(lines -> LineReader.read(text, lines));
  }

  /** The table that replaying {@code in} on an empty kernel gives; see {@link #parseTable(String)}. */
  public IpvsTable parseTable(Reader in) {
    Objects.requireNonNull(in, "in");
    return parseTable(lines -> LineReader.read(in, lines));
  }

  private IpvsTable parseTable(Lines source) {
    TableReplay replay = new TableReplay();
    long lastLine = forEachCommand(source, replay::apply);
    return replay.table(lastLine);
  }

  /** The table of the UTF-8 file {@code file}; see {@link #parseTable(String)}. */
  public IpvsTable parseTable(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parseTable(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
