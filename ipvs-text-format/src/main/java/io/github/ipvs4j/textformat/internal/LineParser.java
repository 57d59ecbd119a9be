package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.Errno;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.Netmask;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.TunnelType;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.textformat.HostResolver;
import io.github.ipvs4j.textformat.ServiceNames;
import io.github.ipvs4j.textformat.TextFormatException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of {@code ipvsadm -R} input to one {@link IpvsCommand}, as ipvsadm 1.31 reads it: its line splitting
 * ({@code config_stream_read}), popt's option syntax and ipvsadm's {@code parse_options} / {@code process_options}
 * semantics, in order, with the same defaults. Not thread-safe (it keeps a small cache); one per parse. Not API.
 */
public final class LineParser {

  // ---- option ids: the OPTC_* indexes of ipvsadm for the options it checks, then commands and the rest ----------
  static final int NUMERIC = 0;
  static final int CONNECTION = 1;
  static final int SERVICE = 2;
  static final int SCHEDULER = 3;
  static final int PERSISTENT = 4;
  static final int NETMASK = 5;
  static final int SERVER = 6;
  static final int FORWARD = 7;
  static final int WEIGHT = 8;
  static final int UTHRESHOLD = 9;
  static final int LTHRESHOLD = 10;
  static final int MCAST = 11;
  static final int TIMEOUT = 12;
  static final int DAEMON = 13;
  static final int STATS = 14;
  static final int RATE = 15;
  static final int THRESHOLDS = 16;
  static final int PERSISTENTCONN = 17;
  static final int NOSORT = 18;
  static final int SYNCID = 19;
  static final int EXACT = 20;
  static final int ONEPACKET = 21;
  static final int PE = 22;
  static final int SCHED_FLAGS = 23;
  static final int MCAST_GROUP = 24;
  static final int MCAST_PORT = 25;
  static final int MCAST_TTL = 26;
  static final int SYNC_MAXLEN = 27;
  static final int TUN_INFO = 28;
  static final int TUN_TYPE = 29;
  static final int TUN_PORT = 30;
  static final int TUN_NOCSUM = 31;
  static final int TUN_CSUM = 32;
  static final int TUN_REMCSUM = 33;
  static final int NUMBER_OF_OPT = 34;

  // option "kinds" beyond the checked ones
  private static final int K_CMD = 100;
  private static final int K_TCP = 101;
  private static final int K_UDP = 102;
  private static final int K_SCTP = 103;
  private static final int K_FWMARK = 104;
  private static final int K_MASQ = 105;
  private static final int K_IPIP = 106;
  private static final int K_GATE = 107;
  private static final int K_IPV6 = 108;
  private static final int K_SORT = 109;

  // commands (ipvsadm's CMD_* order)
  static final int CMD_NONE = 0;
  static final int CMD_ADD = 1;
  static final int CMD_EDIT = 2;
  static final int CMD_DEL = 3;
  static final int CMD_FLUSH = 4;
  static final int CMD_LIST = 5;
  static final int CMD_ADDDEST = 6;
  static final int CMD_DELDEST = 7;
  static final int CMD_EDITDEST = 8;
  static final int CMD_TIMEOUT = 9;
  static final int CMD_STARTDAEMON = 10;
  static final int CMD_STOPDAEMON = 11;
  static final int CMD_RESTORE = 12;
  static final int CMD_SAVE = 13;
  static final int CMD_ZERO = 14;
  static final int CMD_HELP = 15;
  static final int CMD_VERSION = 16;

  private static final int ARG_NONE = 0;
  private static final int ARG_REQUIRED = 1;
  private static final int ARG_OPTIONAL = 2;

  /** An entry of the popt option table. */
  private record Opt(String longName, char shortName, int arg, int kind, int cmd, String display) {}

  private static final Opt[] OPTIONS = {
    cmd("add-service", 'A', CMD_ADD),
    cmd("edit-service", 'E', CMD_EDIT),
    cmd("delete-service", 'D', CMD_DEL),
    cmd("clear", 'C', CMD_FLUSH),
    cmd("list", 'L', CMD_LIST),
    cmd("list", 'l', CMD_LIST),
    cmd("zero", 'Z', CMD_ZERO),
    cmd("add-server", 'a', CMD_ADDDEST),
    cmd("edit-server", 'e', CMD_EDITDEST),
    cmd("delete-server", 'd', CMD_DELDEST),
    cmd("set", '\0', CMD_TIMEOUT),
    cmd("help", 'h', CMD_HELP),
    cmd("version", 'v', CMD_VERSION),
    cmd("restore", 'R', CMD_RESTORE),
    cmd("save", 'S', CMD_SAVE),
    new Opt("start-daemon", '\0', ARG_REQUIRED, K_CMD, CMD_STARTDAEMON, "--start-daemon"),
    new Opt("stop-daemon", '\0', ARG_REQUIRED, K_CMD, CMD_STOPDAEMON, "--stop-daemon"),
    opt("tcp-service", 't', ARG_REQUIRED, K_TCP),
    opt("udp-service", 'u', ARG_REQUIRED, K_UDP),
    opt("sctp-service", '\0', ARG_REQUIRED, K_SCTP),
    opt("fwmark-service", 'f', ARG_REQUIRED, K_FWMARK),
    opt("scheduler", 's', ARG_REQUIRED, SCHEDULER),
    opt("persistent", 'p', ARG_OPTIONAL, PERSISTENT),
    opt("netmask", 'M', ARG_REQUIRED, NETMASK),
    opt("real-server", 'r', ARG_REQUIRED, SERVER),
    opt("masquerading", 'm', ARG_NONE, K_MASQ),
    opt("ipip", 'i', ARG_NONE, K_IPIP),
    opt("gatewaying", 'g', ARG_NONE, K_GATE),
    opt("weight", 'w', ARG_REQUIRED, WEIGHT),
    opt("u-threshold", 'x', ARG_REQUIRED, UTHRESHOLD),
    opt("l-threshold", 'y', ARG_REQUIRED, LTHRESHOLD),
    opt("numeric", 'n', ARG_NONE, NUMERIC),
    opt("connection", 'c', ARG_NONE, CONNECTION),
    opt("mcast-interface", '\0', ARG_REQUIRED, MCAST),
    opt("syncid", '\0', ARG_REQUIRED, SYNCID),
    opt("timeout", '\0', ARG_NONE, TIMEOUT),
    opt("daemon", '\0', ARG_NONE, DAEMON),
    opt("stats", '\0', ARG_NONE, STATS),
    opt("rate", '\0', ARG_NONE, RATE),
    opt("thresholds", '\0', ARG_NONE, THRESHOLDS),
    opt("persistent-conn", '\0', ARG_NONE, PERSISTENTCONN),
    opt("nosort", '\0', ARG_NONE, NOSORT),
    opt("sort", '\0', ARG_NONE, K_SORT),
    opt("exact", 'X', ARG_NONE, EXACT),
    opt("ipv6", '6', ARG_NONE, K_IPV6),
    opt("ops", 'o', ARG_NONE, ONEPACKET),
    opt("pe", '\0', ARG_REQUIRED, PE),
    opt("sched-flags", 'b', ARG_REQUIRED, SCHED_FLAGS),
    opt("mcast-group", '\0', ARG_REQUIRED, MCAST_GROUP),
    opt("mcast-port", '\0', ARG_REQUIRED, MCAST_PORT),
    opt("mcast-ttl", '\0', ARG_REQUIRED, MCAST_TTL),
    opt("sync-maxlen", '\0', ARG_REQUIRED, SYNC_MAXLEN),
    opt("tun-info", '\0', ARG_NONE, TUN_INFO),
    opt("tun-type", '\0', ARG_REQUIRED, TUN_TYPE),
    opt("tun-port", '\0', ARG_REQUIRED, TUN_PORT),
    opt("tun-nocsum", '\0', ARG_NONE, TUN_NOCSUM),
    opt("tun-csum", '\0', ARG_NONE, TUN_CSUM),
    opt("tun-remcsum", '\0', ARG_NONE, TUN_REMCSUM),
  };

  private static final Opt[] BY_SHORT = new Opt[128];
  // the long options grouped by name length, each group in OPTIONS order, so a look-up compares few names
  private static final Opt[][] BY_LENGTH = new Opt[32][0];

  static {
    for (Opt o : OPTIONS) {
      if (o.shortName != '\0' && BY_SHORT[o.shortName] == null) {
        BY_SHORT[o.shortName] = o;
      }
      Opt[] group = BY_LENGTH[o.longName.length()];
      group = Arrays.copyOf(group, group.length + 1);
      group[group.length - 1] = o;
      BY_LENGTH[o.longName.length()] = group;
    }
  }

  private static Opt cmd(String longName, char shortName, int cmd) {
    return new Opt(longName, shortName, ARG_NONE, K_CMD, cmd, display(longName, shortName));
  }

  private static Opt opt(String longName, char shortName, int arg, int kind) {
    return new Opt(longName, shortName, arg, kind, CMD_NONE, display(longName, shortName));
  }

  private static String display(String longName, char shortName) {
    return shortName == '\0' ? "--" + longName : "-" + shortName + "/--" + longName;
  }

  /** ipvsadm's optnames, for messages. */
  private static final String[] OPT_NAMES = {
    "numeric", "connection", "service-address", "scheduler", "persistent", "netmask", "real-server",
    "forwarding-method", "weight", "u-threshold", "l-threshold", "mcast-interface", "timeout", "daemon", "stats",
    "rate", "thresholds", "persistent-conn", "nosort", "syncid", "exact", "ops", "pe", "sched-flags", "mcast-group",
    "mcast-port", "mcast-ttl", "sync-maxlen", "tun-info", "tun-type", "tun-port", "tun-nocsum", "tun-csum",
    "tun-remcsum"
  };

  private static final String[] OPT_SPELLING = {
    "-n", "-c", "-t/-u/--sctp-service/-f", "-s", "-p", "-M", "-r", "-g/-i/-m", "-w", "-x", "-y", "--mcast-interface",
    "--timeout", "--daemon", "--stats", "--rate", "--thresholds", "--persistent-conn", "--nosort", "--syncid", "-X",
    "-o", "--pe", "-b", "--mcast-group", "--mcast-port", "--mcast-ttl", "--sync-maxlen", "--tun-info", "--tun-type",
    "--tun-port", "--tun-nocsum", "--tun-csum", "--tun-remcsum"
  };

  /**
   * ipvsadm's {@code commands_v_options}, for the commands this parser accepts, indexed by command: '+' required,
   * 'x' illegal, ' ' optional.
   */
  private static final String[] LEGAL = new String[CMD_ZERO + 1];

  static {
    // columns:      n c s s p M r f w x y m t d s r t p s s e o p b g p t s t t t n c r
    LEGAL[CMD_ADD] = "xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx";
    LEGAL[CMD_EDIT] = LEGAL[CMD_ADD];
    LEGAL[CMD_DEL] = "xx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    LEGAL[CMD_FLUSH] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    LEGAL[CMD_ADDDEST] = "xx+xxx+    xxxxxxxxxxxxxxxxxx     ";
    LEGAL[CMD_EDITDEST] = LEGAL[CMD_ADDDEST];
    LEGAL[CMD_DELDEST] = "xx+xxx+xxxxxxxxxxxxxxxxxxxxxxxxxxx";
    LEGAL[CMD_TIMEOUT] = LEGAL[CMD_FLUSH];
    LEGAL[CMD_STARTDAEMON] = "xxxxxxxxxxx xxxxxxx xxxx    xxxxxx";
    LEGAL[CMD_STOPDAEMON] = "xxxxxxxxxxxxxxxxxxx xxxxxxxxxxxxxx";
    LEGAL[CMD_ZERO] = "xx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    LEGAL[CMD_LIST] = " 11xxxxxxxxx11       xxxxxxx xxxxx";
    LEGAL[CMD_SAVE] = " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
  }

  // LEGAL as option bit masks, so that a line that breaks no rule is passed in three tests, not a 34-column walk
  private static final long[] REQUIRED = legalMask('+');
  private static final long[] ILLEGAL = legalMask('x');
  private static final long[] EXCLUSIVE = legalMask('1');

  private static long[] legalMask(char rule) {
    long[] masks = new long[LEGAL.length];
    for (int c = 0; c < LEGAL.length; c++) {
      for (int j = 0; LEGAL[c] != null && j < NUMBER_OF_OPT; j++) {
        if (LEGAL[c].charAt(j) == rule) {
          masks[c] |= 1L << j;
        }
      }
    }
    return masks;
  }

  private static final String COMMANDS =
      "a command: -A, -E, -D, -a, -e, -d, -C, -Z, --set, --start-daemon or --stop-daemon";

  /** ipvsadm's {@code tryhelp_exit} line. */
  static final String TRY_HELP = "Try `ipvsadm -h' or 'ipvsadm --help' for more information.";

  /** ipvsadm's {@code cmdnames}, by command number. */
  /** ipvsadm's answer when the kernel knows no such scheduler or persistence engine (ENOENT on add/edit). */
  private static final String SCHED_NOT_FOUND = "Scheduler or persistence engine not found";

  private static final String[] CMD_NAMES = {
    "", "add-service", "edit-service", "delete-service", "flush", "list", "add-server", "delete-server", "edit-server",
    "set", "start-daemon", "stop-daemon", "restore", "save", "zero"
  };

  private static final int MAX_TIMEOUT = 86400 * 31;
  private static final int DEFAULT_PERSISTENT_TIMEOUT = 360;

  // ---- configuration -------------------------------------------------------------------------------------------
  private final ServiceNames serviceNames;
  private final HostResolver hosts;

  // ---- the current line ----------------------------------------------------------------------------------------
  private char[] buf;
  private int lineOffset;
  private int lineLength;
  private long lineNo;
  private int[] tokStart = new int[32];
  private int[] tokEnd = new int[32];
  private int ntok;
  private int[] leftovers = new int[8];
  private int nleft;

  // ---- ipvsadm's struct ipvs_command_entry and friends ----------------------------------------------------------
  private int cmd;
  private int cmdTok;
  private long options;
  private final int[] optTok = new int[NUMBER_OF_OPT];
  private int svcAf; // 0, 2 or 10
  private int svcProtocol; // IPPROTO_*
  private InetAddress svcAddress;
  private int svcPort;
  private long fwmark;
  private int fwmarkTok;
  private String schedName;
  private boolean persistent;
  private long persistTimeout;
  private boolean onePacket;
  private long netmask; // u32: an IPv4 mask MSB first, or an IPv6 prefix length
  private String peName;
  private int schedFlagsTok;
  private String schedFlagsArg;
  private int destAf;
  private InetAddress destAddress;
  private int destPort;
  private int fwd;
  private long weight;
  private long uThreshold;
  private long lThreshold;
  private int tunType;
  private int tunPort;
  private int tunFlags;
  private SyncState daemonState;
  private String mcastIfn;
  private int syncId;
  private int syncMaxlen;
  private InetAddress mcastGroup;
  private int mcastPort;
  private int mcastTtl;

  // a one-entry cache of the last service option, so that the -a lines of one service share one key
  private final char[] lastSvcText = new char[64];
  private int lastSvcLength = -1;
  private int lastSvcKind;
  private int lastSvcAf;
  private InetAddress lastSvcAddress;
  private int lastSvcPort;
  private int lastSvcResult;
  private ServiceKey lastKey;
  private InetAddress lastKeyAddress;

  /** A parser that resolves port names with {@code serviceNames} and host names with {@code hosts}. */
  public LineParser(ServiceNames serviceNames, HostResolver hosts) {
    this.serviceNames = serviceNames;
    this.hosts = hosts;
  }

  /**
   * Parses the line that starts at {@code chars[offset]} and ends before the first {@code '\n'} after it, which must
   * be there; {@link #lineEnd()} then tells where it is.
   *
   * @return the command, or null for a line with nothing to do (empty, blank, a comment)
   * @throws TextFormatException for anything ipvsadm would refuse, or that has no command to replay
   */
  public IpvsCommand parse(char[] chars, int offset, long lineNumber) {
    this.buf = chars;
    this.lineOffset = offset;
    this.lineNo = lineNumber;
    tokenize();
    if (ntok == 0) {
      return null;
    }
    if (buf[tokStart[0]] == '#') {
      return null;
    }
    reset();
    readOptions();
    return finish();
  }

  /** Where the line last given to {@link #parse} ended: the index of its line feed. */
  public int lineEnd() {
    return lineOffset + lineLength;
  }

  // ---- line splitting: config_stream_read ------------------------------------------------------------------------

  /** Splits the line at blanks, up to its line feed, and sets its length. */
  private void tokenize() {
    ntok = 0;
    int i = lineOffset;
    char[] b = buf;
    while (true) {
      char c = b[i];
      if (c <= ' ') { // most characters are past ' ': one test for them
        if (c == '\n') {
          break;
        }
        if (isBlank(c)) {
          i++;
          continue;
        }
      }
      int start = i;
      // the line feed ends every line: no other bound to test
      while (!isBlankOrLineFeed(b[i])) {
        i++;
      }
      // any token "ipvsadm" is dropped, so a line may start with the program's name
      if (i - start == 7 && b[start] == 'i' && regionEquals(start, i, "ipvsadm")) {
        continue;
      }
      if (ntok == tokStart.length) {
        tokStart = Arrays.copyOf(tokStart, ntok * 2);
        tokEnd = Arrays.copyOf(tokEnd, ntok * 2);
      }
      tokStart[ntok] = start;
      tokEnd[ntok] = i;
      ntok++;
    }
    lineLength = i - lineOffset;
  }

  /** What config_stream_read splits at: space, tab, carriage return. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /** A blank, or the end of the line; most characters are past ' ' (one test). */
  private static boolean isBlankOrLineFeed(char c) {
    return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
  }

  private boolean regionEquals(int from, int to, String s) {
    if (to - from != s.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (buf[from + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void reset() {
    cmd = CMD_NONE;
    cmdTok = -1;
    options = 0;
    nleft = 0;
    svcAf = 0;
    svcProtocol = 0;
    svcAddress = null;
    svcPort = 0;
    fwmark = 0;
    fwmarkTok = -1;
    schedName = null;
    persistent = false;
    persistTimeout = 0;
    onePacket = false;
    netmask = 0xFFFF_FFFFL;
    peName = null;
    schedFlagsArg = null;
    schedFlagsTok = -1;
    destAf = 0;
    destAddress = null;
    destPort = 0;
    fwd = ForwardingMethod.DIRECT_ROUTE.code();
    weight = 1;
    uThreshold = 0;
    lThreshold = 0;
    tunType = 0;
    tunPort = 0;
    tunFlags = 0;
    daemonState = null;
    mcastIfn = null;
    syncId = 0;
    syncMaxlen = 0;
    mcastGroup = null;
    mcastPort = 0;
    mcastTtl = 0;
  }

  // ---- popt ---------------------------------------------------------------------------------------------------------

  /** Where an option's argument is: in a token, from an offset, to the token's end. */
  private int argTok;
  private int argFrom;

  private void readOptions() {
    boolean endOfOptions = false;
    int t = 0;
    while (t < ntok) {
      int s = tokStart[t];
      int e = tokEnd[t];
      if (endOfOptions || buf[s] != '-' || e - s == 1) {
        addLeftover(t);
        t++;
        continue;
      }
      if (buf[s + 1] == '-') {
        if (e - s == 2) {
          endOfOptions = true;
          t++;
          continue;
        }
        // --name or --name=value
        int eq = -1;
        for (int k = s + 2; k < e; k++) {
          if (buf[k] == '=') {
            eq = k;
            break;
          }
        }
        int nameEnd = eq >= 0 ? eq : e;
        Opt o = findLong(s + 2, nameEnd);
        if (o == null) {
          throw optionError(t, s, "an ipvsadm option (unknown option " + text(s, nameEnd) + ")", text(t),
              "unknown option");
        }
        int next = t + 1;
        if (o.arg == ARG_NONE) {
          if (eq >= 0) {
            throw optionError(t, s, o.display + " without a value (it takes none)", text(t),
                "option does not take an argument");
          }
          apply(o, t, -1, -1);
        } else if (eq >= 0) {
          apply(o, t, t, eq + 1);
        } else if (next < ntok && (o.arg == ARG_REQUIRED || buf[tokStart[next]] != '-')) {
          apply(o, t, next, tokStart[next]);
          next++;
        } else if (o.arg == ARG_OPTIONAL) {
          apply(o, t, -1, -1);
        } else {
          throw missingValue("a value for " + o.display, text(s, nameEnd));
        }
        t = next;
        continue;
      }
      // a cluster of short options: -mw5, -p360, -w=5
      int k = s + 1;
      int next = t + 1;
      while (k < e) {
        char c = buf[k];
        Opt o = c < 128 ? BY_SHORT[c] : null;
        if (o == null) {
          throw optionError(t, k, "an ipvsadm option (unknown option -" + c + ")", "-" + c, "unknown option");
        }
        k++;
        if (k < e && buf[k] == '=') {
          k++; // popt skips one '=' after a short option
        }
        if (o.arg == ARG_NONE) {
          apply(o, t, -1, -1);
          continue;
        }
        if (k < e) {
          apply(o, t, t, k);
        } else if (next < ntok && (o.arg == ARG_REQUIRED || buf[tokStart[next]] != '-')) {
          apply(o, t, next, tokStart[next]);
          next++;
        } else if (o.arg == ARG_OPTIONAL) {
          apply(o, t, -1, -1);
        } else {
          throw missingValue("a value for " + o.display, "-" + c);
        }
        break;
      }
      t = next;
    }
    if (cmd == CMD_NONE) {
      throw nleft > 0
          ? optionError(leftovers[0], tokStart[leftovers[0]], COMMANDS, null, null)
          : optionError(0, tokStart[0], COMMANDS, null, null);
    }
  }

  private void addLeftover(int t) {
    if (nleft == leftovers.length) {
      leftovers = Arrays.copyOf(leftovers, nleft * 2);
    }
    leftovers[nleft++] = t;
  }

  private Opt findLong(int from, int to) {
    if (to - from >= BY_LENGTH.length) {
      return null;
    }
    for (Opt o : BY_LENGTH[to - from]) {
      if (regionEquals(from, to, o.longName)) {
        return o;
      }
    }
    return null;
  }

  // ---- parse_options: each option in order ---------------------------------------------------------------------

  private void apply(Opt o, int optTokIndex, int atok, int afrom) {
    argTok = atok;
    argFrom = afrom;
    if (cmd == CMD_NONE) {
      // the first option must be the command
      if (o.kind != K_CMD) {
        throw optionError(optTokIndex, tokStart[optTokIndex], COMMANDS + " first", null, null);
      }
      if (o.cmd == CMD_RESTORE || o.cmd == CMD_HELP || o.cmd == CMD_VERSION) {
        throw optionError(optTokIndex, tokStart[optTokIndex], COMMANDS + " (ipvsadm -R stops at this one)", null, null);
      }
      cmd = o.cmd;
      cmdTok = optTokIndex;
      if (cmd == CMD_STARTDAEMON || cmd == CMD_STOPDAEMON) {
        String state = argString();
        if (state.equals("master")) {
          daemonState = SyncState.MASTER;
        } else if (state.equals("backup")) {
          daemonState = SyncState.BACKUP;
        } else {
          // sic: ipvsadm's words for --stop-daemon
          throw argError("master or backup", cmd == CMD_STARTDAEMON
              ? "illegal start-daemon parameter specified" : "illegal start_daemon specified");
        }
      }
      return;
    }
    if (o.kind == K_CMD) {
      throw error(optTokIndex, tokStart[optTokIndex], "one command per line (an option, not " + o.display + ")",
          "invalid option `" + text(optTokIndex) + "'");
    }
    switch (o.kind) {
      case K_TCP, K_UDP, K_SCTP -> {
        setOption(SERVICE, optTokIndex);
        svcProtocol = o.kind == K_TCP ? 6 : o.kind == K_UDP ? 17 : 132;
        int parsed = parseService(true);
        if ((parsed & 1) == 0) {
          throw argError("a virtual service address[:port]: IPv4 or [IPv6], port number or name",
              "illegal virtual server address[:port] specified");
        }
      }
      case K_FWMARK -> {
        setOption(SERVICE, optTokIndex);
        svcAf = 2;
        svcProtocol = 6;
        fwmark = parseFwmark();
        fwmarkTok = optTokIndex;
      }
      case SCHEDULER -> {
        setOption(SCHEDULER, optTokIndex);
        String name = argString();
        schedName = name.length() > 15 ? name.substring(0, 15) : name;
      }
      case PERSISTENT -> {
        setOption(PERSISTENT, optTokIndex);
        persistent = true;
        persistTimeout = argTok < 0 ? DEFAULT_PERSISTENT_TIMEOUT : parseTimeout(1, MAX_TIMEOUT);
      }
      case NETMASK -> {
        setOption(NETMASK, optTokIndex);
        if (svcAf != 10) {
          long m = parseIpv4OrHost();
          if (m < 0) {
            throw argError("an IPv4 netmask such as 255.255.255.0", "illegal virtual server persistent mask specified");
          }
          netmask = m;
        } else {
          long m = atoi() & 0xFFFF_FFFFL;
          if (m < 1 || m > 128) {
            throw argError("an IPv6 prefix length 1-128", "illegal ipv6 netmask specified");
          }
          netmask = m;
        }
      }
      case SERVER -> {
        setOption(SERVER, optTokIndex);
        int parsed = parseService(false);
        if ((parsed & 1) == 0) {
          throw argError("a real server address[:port]: IPv4 or [IPv6], port number or name",
              "illegal real server address[:port] specified");
        }
        if (parsed == 1) {
          destPort = svcPort;
        }
      }
      case K_IPIP -> {
        setOption(FORWARD, optTokIndex);
        fwd = ForwardingMethod.TUNNEL.code();
      }
      case K_GATE -> {
        setOption(FORWARD, optTokIndex);
        fwd = ForwardingMethod.DIRECT_ROUTE.code();
      }
      case K_MASQ -> {
        setOption(FORWARD, optTokIndex);
        fwd = ForwardingMethod.MASQUERADE.code();
      }
      case WEIGHT -> {
        setOption(WEIGHT, optTokIndex);
        weight = stringToNumber(0, Integer.MAX_VALUE);
        if (weight < 0) {
          throw argError("a weight 0-2147483647", "illegal weight specified");
        }
      }
      case UTHRESHOLD -> {
        setOption(UTHRESHOLD, optTokIndex);
        uThreshold = stringToNumber(0, Integer.MAX_VALUE);
        if (uThreshold < 0) {
          throw argError("an upper threshold 0-2147483647", "illegal u_threshold specified");
        }
      }
      case LTHRESHOLD -> {
        setOption(LTHRESHOLD, optTokIndex);
        lThreshold = stringToNumber(0, Integer.MAX_VALUE);
        if (lThreshold < 0) {
          throw argError("a lower threshold 0-2147483647", "illegal l_threshold specified");
        }
      }
      case MCAST -> {
        setOption(MCAST, optTokIndex);
        String ifn = argString();
        mcastIfn = ifn.length() > 15 ? ifn.substring(0, 15) : ifn;
      }
      case SYNCID -> {
        setOption(SYNCID, optTokIndex);
        long v = stringToNumber(0, 255);
        if (v < 0) {
          throw argError("a sync ID 0-255", "illegal syncid specified");
        }
        syncId = (int) v;
      }
      case K_IPV6 -> {
        if (fwmark != 0) {
          svcAf = 10;
          netmask = 128;
        } else {
          // sic: ipvsadm's message ends in a newline of its own
          throw error(optTokIndex, tokStart[optTokIndex], "-6 only after -f (it makes a fwmark service IPv6)",
              "-6 used before -f\n");
        }
      }
      case ONEPACKET -> {
        setOption(ONEPACKET, optTokIndex);
        onePacket = true;
      }
      case PE -> {
        setOption(PE, optTokIndex);
        peName = argString();
      }
      case SCHED_FLAGS -> {
        setOption(SCHED_FLAGS, optTokIndex);
        String s = argString();
        // ipvsadm copies the list into a 128-byte buffer
        schedFlagsArg = s.length() > 127 ? s.substring(0, 127) : s;
        schedFlagsTok = argTok;
        schedFlagsFrom = argFrom;
      }
      case MCAST_GROUP -> {
        setOption(MCAST_GROUP, optTokIndex);
        mcastGroup = parseMcastGroup();
      }
      case MCAST_PORT -> {
        setOption(MCAST_PORT, optTokIndex);
        long v = stringToNumber(1, 65535);
        if (v < 0) {
          throw argError("a port 1-65535", "illegal mcast-port specified");
        }
        mcastPort = (int) v;
      }
      case MCAST_TTL -> {
        setOption(MCAST_TTL, optTokIndex);
        long v = stringToNumber(1, 255);
        if (v < 0) {
          throw argError("a TTL 1-255", "illegal mcast-ttl specified");
        }
        mcastTtl = (int) v;
      }
      case SYNC_MAXLEN -> {
        setOption(SYNC_MAXLEN, optTokIndex);
        long v = stringToNumber(1, 65535 - 20 - 8);
        if (v < 0) {
          throw argError("a sync message length 1-65507", "illegal sync-maxlen specified");
        }
        syncMaxlen = (int) v;
      }
      case TUN_TYPE -> {
        setOption(TUN_TYPE, optTokIndex);
        int to = tokEnd[argTok];
        if (regionEquals(argFrom, to, "ipip")) {
          tunType = 0;
        } else if (regionEquals(argFrom, to, "gue")) {
          tunType = 1;
        } else if (regionEquals(argFrom, to, "gre")) {
          tunType = 2;
        } else {
          throw argError("a tunnel type: ipip, gue or gre", "illegal tunnel type specified");
        }
      }
      case TUN_PORT -> {
        setOption(TUN_PORT, optTokIndex);
        long v = stringToNumber(1, 65535);
        if (v < 0) {
          throw argError("a tunnel port 1-65535", "illegal tunnel port specified");
        }
        tunPort = (int) v;
      }
      case TUN_NOCSUM -> setOption(TUN_NOCSUM, optTokIndex); // IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM is 0
      case TUN_CSUM -> {
        setOption(TUN_CSUM, optTokIndex);
        tunFlags |= 1;
      }
      case TUN_REMCSUM -> {
        setOption(TUN_REMCSUM, optTokIndex);
        tunFlags |= 2;
      }
      case K_SORT -> {
        // a no-op, kept for compatibility
      }
      default -> setOption(o.kind, optTokIndex); // list-only options: refused by the legality check below
    }
  }

  private int schedFlagsFrom;

  private void setOption(int optc, int t) {
    long bit = 1L << optc;
    if ((options & bit) != 0) {
      throw error(t, tokStart[t], "one " + OPT_SPELLING[optc] + " option per line (" + OPT_NAMES[optc]
          + " was given before)", "multiple '" + OPT_NAMES[optc] + "' options specified");
    }
    options |= bit;
    optTok[optc] = t;
  }

  // ---- after the options: process_options ----------------------------------------------------------------------

  private IpvsCommand finish() {
    int nextLeft = 0;
    long[] timeouts = null;
    if (cmd == CMD_TIMEOUT) {
      if (nleft < 3) {
        throw errorEnd("three timeouts after --set: tcp tcpfin udp (seconds, 0-2678400; 0 leaves one unchanged)",
            "--set option requires 3 timeout values");
      }
      timeouts = new long[3];
      for (int k = 0; k < 3; k++) {
        argTok = leftovers[k];
        argFrom = tokStart[argTok];
        timeouts[k] = parseTimeout(0, MAX_TIMEOUT);
      }
      nextLeft = 3;
    }
    if (nextLeft < nleft) {
      int t = leftovers[nextLeft];
      throw error(t, tokStart[t], "an option (ipvsadm refuses the unexpected argument)",
          "unexpected argument " + text(t));
    }
    int schedFlagBits = 0;
    if (schedFlagsArg != null) {
      schedFlagBits = parseSchedFlags();
    }
    // generic_opt_check; the column walk below finds the first broken rule to name it
    boolean broken = (options & ILLEGAL[cmd]) != 0 || (REQUIRED[cmd] & ~options) != 0
        || Long.bitCount(options & EXCLUSIVE[cmd]) > 1;
    String legal = LEGAL[cmd];
    int exclusive = -1;
    for (int j = 0; broken && j < NUMBER_OF_OPT; j++) {
      boolean given = (options & (1L << j)) != 0;
      char rule = legal.charAt(j);
      if (given && rule == '1') {
        if (exclusive >= 0) {
          int t = optTok[j];
          throw error(t, tokStart[t], "no " + OPT_NAMES[j] + " option with the " + OPT_NAMES[exclusive] + " option",
              "The option '" + OPT_NAMES[j] + "' conflicts with the '" + OPT_NAMES[exclusive] + "' option in the '"
                  + CMD_NAMES[cmd] + "' command");
        }
        exclusive = j;
      }
      if (!given && rule == '+') {
        throw errorEnd("the " + OPT_NAMES[j] + " option (" + OPT_SPELLING[j] + ") for " + text(cmdTok),
            "You need to supply the '" + OPT_NAMES[j] + "' option for the '" + CMD_NAMES[cmd] + "' command");
      }
      if (given && rule == 'x') {
        int t = optTok[j];
        throw error(t, tokStart[t], "no " + OPT_NAMES[j] + " option (" + OPT_SPELLING[j] + ") with " + text(cmdTok),
            "Illegal '" + OPT_NAMES[j] + "' option with the '" + CMD_NAMES[cmd] + "' command");
      }
    }
    switch (cmd) {
      case CMD_LIST, CMD_SAVE -> {
        long listOnly = (1L << CONNECTION) | (1L << TIMEOUT) | (1L << DAEMON);
        long columns = (1L << STATS) | (1L << RATE) | (1L << THRESHOLDS);
        if (((options & listOnly) != 0 && (options & columns) != 0)
            || ((options & ((1L << TIMEOUT) | (1L << DAEMON))) != 0 && (options & (1L << PERSISTENTCONN)) != 0)) {
          throw error(cmdTok, tokStart[cmdTok], "list options that go together (ipvsadm: options conflicts)",
              "options conflicts in the list command");
        }
        return null; // it prints, changes nothing: skipped
      }
      case CMD_ADD, CMD_EDIT -> {
        if (fwmark == 0 && svcPort == 0 && !persistent) {
          int t = optTok[SERVICE];
          throw error(t, tokStart[t], "a port other than 0 (port 0 only for a persistent service, -p)",
              "Zero port specified for non-persistent service");
        }
        if (onePacket && fwmark == 0 && svcProtocol != 17) {
          int t = optTok[ONEPACKET];
          throw error(t, tokStart[t], "no -o (one-packet scheduling is only for UDP and fwmark services)",
              "One-Packet Scheduling is only for UDP virtual services");
        }
        if (schedName == null || schedName.isEmpty()) {
          schedName = "wlc";
        }
        VirtualService service = buildService(schedFlagBits);
        return cmd == CMD_ADD ? new IpvsCommand.AddService(service) : new IpvsCommand.EditService(service);
      }
      case CMD_DEL -> {
        return new IpvsCommand.DeleteService(key());
      }
      case CMD_ZERO -> {
        return (options & (1L << SERVICE)) != 0 ? IpvsCommand.Zero.of(key()) : IpvsCommand.Zero.all();
      }
      case CMD_FLUSH -> {
        return new IpvsCommand.Flush();
      }
      case CMD_ADDDEST, CMD_EDITDEST -> {
        if (fwmark == 0 && (fwd == ForwardingMethod.TUNNEL.code() || fwd == ForwardingMethod.DIRECT_ROUTE.code())) {
          destPort = svcPort;
        }
        if (destAf != svcAf && fwd != ForwardingMethod.TUNNEL.code()) {
          int t = optTok[SERVER];
          throw error(t, tokStart[t], "an address of the service's family (another family needs -i, tunnelling)",
              "Different address family is allowed only for tunneling servers");
        }
        long tunOptions = options & ((1L << TUN_TYPE) | (1L << TUN_PORT) | (1L << TUN_NOCSUM) | (1L << TUN_CSUM)
            | (1L << TUN_REMCSUM));
        if (tunOptions != 0 && fwd != ForwardingMethod.TUNNEL.code()) {
          int t = optTok[Long.numberOfTrailingZeros(tunOptions)];
          throw error(t, tokStart[t], "no tunnel option without -i (tunnelling)",
              "Tunnel options conflict with forward method");
        }
        tunnelOptCheck();
        ServiceKey key = key();
        Destination d = buildDestination();
        try {
          return cmd == CMD_ADDDEST
              ? new IpvsCommand.AddDestination(key, d)
              : new IpvsCommand.EditDestination(key, d);
        } catch (InvalidValueException e) {
          int t = optTok[SERVER];
          throw error(t, tokStart[t], e.expected(), null);
        }
      }
      case CMD_DELDEST -> {
        return new IpvsCommand.DeleteDestination(key(), destAddress, destPort);
      }
      case CMD_TIMEOUT -> {
        return new IpvsCommand.SetTimeouts(Timeouts.ofSeconds(timeouts[0], timeouts[1], timeouts[2]));
      }
      case CMD_STARTDAEMON -> {
        String ifn = mcastIfn == null ? "eth0" : mcastIfn;
        try {
          return new IpvsCommand.StartDaemon(new SyncDaemon(
              daemonState, ifn, syncId, syncMaxlen, Optional.ofNullable(mcastGroup), mcastPort, mcastTtl));
        } catch (InvalidValueException e) {
          int t = (options & (1L << MCAST)) != 0 ? optTok[MCAST] : cmdTok;
          throw error(t, tokStart[t], e.expected(), null);
        }
      }
      case CMD_STOPDAEMON -> {
        return new IpvsCommand.StopDaemon(daemonState);
      }
      default -> throw error(cmdTok, tokStart[cmdTok], COMMANDS, null);
    }
  }

  private static final int[] TUN_OPTS = {TUN_PORT, TUN_NOCSUM, TUN_CSUM, TUN_REMCSUM};
  // tunnel_types_v_options: rows ipip, gue, gre; columns tun-port, nocsum, csum, remcsum
  private static final String[] TUN_LEGAL = {"xxxx", "+111", "x11x"};
  private static final String[] TUN_NAMES = {"ipip", "gue", "gre"};

  private static final long TUN_OPT_BITS =
      (1L << TUN_PORT) | (1L << TUN_NOCSUM) | (1L << TUN_CSUM) | (1L << TUN_REMCSUM);

  // whether a tunnel type requires an option (gue: --tun-port)
  private static final boolean[] TUN_REQUIRES = {
    TUN_LEGAL[0].indexOf('+') >= 0, TUN_LEGAL[1].indexOf('+') >= 0, TUN_LEGAL[2].indexOf('+') >= 0
  };

  private void tunnelOptCheck() {
    if ((options & TUN_OPT_BITS) == 0 && !TUN_REQUIRES[tunType]) {
      return; // the usual line: no tunnel option given, none required
    }
    String legal = TUN_LEGAL[tunType];
    int count = 0;
    int last = -1;
    for (int j = 0; j < 4; j++) {
      int k = TUN_OPTS[j];
      boolean given = (options & (1L << k)) != 0;
      char rule = legal.charAt(j);
      if (!given) {
        if (rule == '+') {
          throw errorEnd("--" + OPT_NAMES[k] + " for tunnel type " + TUN_NAMES[tunType],
              "You need to supply the '" + OPT_NAMES[k] + "' option for the '" + TUN_NAMES[tunType] + "' tunnel type");
        }
      } else {
        int t = optTok[k];
        if (rule == 'x') {
          throw error(t, tokStart[t], "no --" + OPT_NAMES[k] + " with tunnel type " + TUN_NAMES[tunType],
              "Illegal '" + OPT_NAMES[k] + "' option with the '" + TUN_NAMES[tunType] + "' tunnel type");
        }
        if (rule == '1') {
          count++;
          if (count > 1) {
            throw error(t, tokStart[t], "one checksum option (--" + OPT_NAMES[last] + " was given)",
                "The option '" + OPT_NAMES[k] + "' conflicts with the '" + OPT_NAMES[last] + "' option in the '"
                    + TUN_NAMES[tunType] + "' tunnel type");
          }
          last = k;
        }
      }
    }
  }

  private ServiceKey key() {
    if (fwmark != 0) {
      if (lastKey instanceof ServiceKey.FwMark f && f.mark() == fwmark && f.family().code() == svcAf) {
        return lastKey;
      }
      ServiceKey k = new ServiceKey.FwMark(fwmark, svcAf == 10 ? AddressFamily.INET6 : AddressFamily.INET);
      lastKey = k;
      return k;
    }
    if (lastKey instanceof ServiceKey.Inet i && i.port() == svcPort && i.protocol().number() == svcProtocol
        && lastKeyAddress == svcAddress) {
      return lastKey;
    }
    ServiceKey k = new ServiceKey.Inet(Protocol.of(svcProtocol), svcAddress, svcPort);
    lastKey = k;
    lastKeyAddress = svcAddress;
    return k;
  }

  private VirtualService buildService(int schedFlagBits) {
    ServiceKey key = key();
    Scheduler scheduler;
    try {
      scheduler = Scheduler.of(schedName);
    } catch (InvalidValueException e) {
      int t = optTok[SCHEDULER];
      throw new TextFormatException(lineNo, tokStart[t] - lineOffset + 1, text(t),
          "a scheduler name of visible ASCII characters", 0, SCHED_NOT_FOUND, 255);
    }
    Optional<Persistence> persistence = Optional.empty();
    if (persistent) {
      Netmask m = svcAf == 10 ? Netmask.ipv6((int) netmask) : new Netmask.V4((int) netmask);
      persistence = Optional.of(new Persistence(Duration.ofSeconds(persistTimeout), Optional.of(m)));
    }
    Optional<String> pe = Optional.empty();
    if (peName != null) {
      if (peName.length() > 15) {
        int t = optTok[PE];
        throw new TextFormatException(lineNo, tokStart[t] - lineOffset + 1, text(t),
            "a persistence engine name of at most 15 characters", 0, SCHED_NOT_FOUND, 255);
      }
      pe = Optional.of(peName);
    }
    try {
      return new VirtualService(
          key,
          scheduler,
          SchedulerFlag.fromBits(schedFlagBits, scheduler),
          persistence,
          pe,
          onePacket,
          0);
    } catch (InvalidValueException e) {
      int t = "persistenceEngine".equals(e.field()) ? optTok[PE] : cmdTok;
      throw error(t, tokStart[t], e.expected(), null);
    }
  }

  private static final Optional<Tunnel> IPIP = Optional.of(Tunnel.IPIP);

  private Destination buildDestination() {
    InetAddress address = destAddress;
    Optional<Tunnel> tunnel = Optional.empty();
    ForwardingMethod method = ForwardingMethod.fromCode(fwd);
    if (method == ForwardingMethod.TUNNEL) {
      // plain ipip, as every -i line of a save file without tunnel options: one shared value
      tunnel = tunType == 0 && tunPort == 0 && tunFlags == 0
          ? IPIP
          : Optional.of(new Tunnel(TunnelType.fromCode(tunType), tunPort, TunnelChecksum.fromBits(tunFlags)));
    }
    if (lThreshold > uThreshold) {
      int t = optTok[LTHRESHOLD];
      throw kernelError(t, tokStart[t], "a lower threshold at most the upper threshold " + uThreshold
          + " (the kernel refuses more: ERANGE)", Errno.ERANGE);
    }
    return new Destination(address, destPort, method, (int) weight, uThreshold, lThreshold, tunnel);
  }

  private int parseSchedFlags() {
    String sched = schedName == null || schedName.isEmpty() ? "wlc" : schedName;
    int flags = 0;
    int any = 0;
    int col = schedFlagsFrom;
    for (String f : schedFlagsArg.split(",", -1)) {
      int at = col;
      col += f.length() + 1;
      if (f.isEmpty()) {
        continue;
      }
      any++;
      switch (f) {
        case "flag-1" -> flags |= 0x08;
        case "flag-2" -> flags |= 0x10;
        case "flag-3" -> flags |= 0x20;
        case "sh-fallback", "sh-port", "mh-fallback", "mh-port" -> {
          String needed = f.substring(0, 2);
          if (!sched.equals(needed)) {
            throw new TextFormatException(lineNo, at - lineOffset + 1, f,
                "scheduler flags valid with scheduler " + sched + " (" + f + " needs -s " + needed + ")", 0,
                "incompatible scheduler flag `" + f + "'", 2);
          }
          flags |= f.endsWith("fallback") ? 0x08 : 0x10;
        }
        default -> throw new TextFormatException(lineNo, at - lineOffset + 1, f,
            "a scheduler flag: flag-1, flag-2, flag-3, sh-fallback, sh-port, mh-fallback or mh-port", 0,
            "invalid scheduler flag `" + f + "'", 2);
      }
    }
    if (any == 0) {
      argTok = schedFlagsTok;
      argFrom = schedFlagsFrom;
      throw argError("a comma-separated list of scheduler flags", null); // ipvsadm crashes here
    }
    return flags;
  }

  // ---- value parsers -------------------------------------------------------------------------------------------

  private String argString() {
    return new String(buf, argFrom, tokEnd[argTok] - argFrom);
  }

  /** string_to_number: strtol base 10 over the whole argument, then the range; -1 if refused. */
  private long stringToNumber(long min, long max) {
    long v = strtolWhole(argFrom, tokEnd[argTok]);
    if (v == Long.MIN_VALUE || v < min || v > max) {
      return -1;
    }
    return v;
  }

  /** strtol(s, &end, 10) that must consume everything; Long.MIN_VALUE when it does not or overflows. */
  private long strtolWhole(int from, int to) {
    int i = from;
    while (i < to && isSpace(buf[i])) {
      i++;
    }
    boolean neg = false;
    if (i < to && (buf[i] == '+' || buf[i] == '-')) {
      neg = buf[i] == '-';
      i++;
    }
    if (i >= to) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    while (i < to) {
      char c = buf[i];
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
        return Long.MIN_VALUE; // ERANGE
      }
      v = v * 10 + (c - '0');
      i++;
    }
    return neg ? -v : v;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }

  /** atoi: strtol of the longest prefix, saturating, then cast to int. */
  private int atoi() {
    int i = argFrom;
    int to = tokEnd[argTok];
    while (i < to && isSpace(buf[i])) {
      i++;
    }
    boolean neg = false;
    if (i < to && (buf[i] == '+' || buf[i] == '-')) {
      neg = buf[i] == '-';
      i++;
    }
    long v = 0;
    boolean saturated = false;
    while (i < to && buf[i] >= '0' && buf[i] <= '9') {
      int d = buf[i] - '0';
      if (!saturated) {
        if (v > (Long.MAX_VALUE - d) / 10) {
          saturated = true;
        } else {
          v = v * 10 + d;
        }
      }
      i++;
    }
    if (saturated) {
      return (int) (neg ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
    return (int) (neg ? -v : v);
  }

  private long parseTimeout(int min, int max) {
    long v = stringToNumber(min, max);
    if (v < 0) {
      throw argError("a timeout " + min + "-" + max + " (seconds)", "invalid timeout value `" + argString() + "' specified");
    }
    return v;
  }

  private long parseFwmark() {
    long v = strtolWhole(argFrom, tokEnd[argTok]);
    if (v == Long.MIN_VALUE || v <= 0 || v > 0xFFFF_FFFFL) {
      throw argError("a firewall mark 1-4294967295", "invalid fwmark value `" + argString() + "' specified");
    }
    return v;
  }

  private long parseIpv4OrHost() {
    int to = tokEnd[argTok];
    long a = Inet.parseAton(buf, argFrom, to);
    if (a >= 0) {
      return a;
    }
    Optional<Inet4Address> h = hosts.addressOf(argString());
    if (h.isPresent()) {
      byte[] b = h.get().getAddress();
      return ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }
    return -1;
  }

  private InetAddress parseMcastGroup() {
    int to = tokEnd[argTok];
    boolean colon = false;
    for (int k = argFrom; k < to; k++) {
      if (buf[k] == ':') {
        colon = true;
        break;
      }
    }
    if (colon) {
      byte[] b = new byte[16];
      if (!Inet.parsePton6(buf, argFrom, to, b) || (b[0] & 0xff) != 0xff) {
        throw argError("an IPv6 multicast group (ff00::/8)", "invalid IPv6 mcast-group `" + argString() + "'");
      }
      return Inet.fromBytes(b);
    }
    long v = Inet.parsePton4(buf, argFrom, to);
    if (v < 0 || (v >>> 28) != 0xe) {
      throw argError("an IPv4 multicast group (224.0.0.0/4)", "invalid IPv4 mcast-group `" + argString() + "'");
    }
    return Inet.ipv4(v);
  }

  /**
   * parse_service: {@code [v6]:port}, a bare IPv6 address (no port), {@code v4[:port]} or {@code host[:port]}. The
   * result is 0 (refused), 1 (address) or 3 (address and port). For the service option it sets the service's family,
   * address, port (and the IPv6 netmask, 128); for -r the destination's.
   */
  private int parseService(boolean service) {
    int from = argFrom;
    int to = tokEnd[argTok];
    if (service && lastSvcLength == to - from && to - from <= lastSvcText.length
        && Arrays.equals(buf, from, to, lastSvcText, 0, to - from) && lastSvcKind == svcProtocol) {
      svcAf = lastSvcAf;
      svcAddress = lastSvcAddress;
      if (lastSvcResult == 3) {
        svcPort = lastSvcPort;
      }
      if (svcAf == 10) {
        netmask = 128;
      }
      return lastSvcResult;
    }
    long quad = decimalQuad(from, to);
    if (quad >= 0) {
      // the usual save-file text: what inet_aton and strtol would read from it, in one pass
      boolean hasPort = (quad & QUAD_HAS_PORT) != 0;
      return serviceParsed(service, from, to, 2, ipv4((int) (quad >>> 24)), hasPort ? 3 : 1, (int) (quad & 0xFFFF));
    }
    // all digits (or empty): refused
    boolean allDigits = true;
    for (int k = from; k < to; k++) {
      if (buf[k] < '0' || buf[k] > '9') {
        allDigits = false;
        break;
      }
    }
    if (allDigits) {
      return 0;
    }
    int hostFrom = from;
    int hostTo = to;
    int portFrom = -1;
    if (buf[from] == '[') {
      hostFrom = from + 1;
      int close = -1;
      for (int k = hostFrom; k < to; k++) {
        if (buf[k] == ']') {
          close = k;
          break;
        }
      }
      if (close < 0 || close + 1 >= to || buf[close + 1] != ':') {
        return 0;
      }
      hostTo = close;
      portFrom = close + 2;
    }
    int af;
    byte[] addr;
    int result;
    // every IPv6 literal has two colons or more; "192.0.2.1:80" need not be tried as one
    byte[] v6 = hasTwoColons(hostFrom, hostTo) ? new byte[16] : null;
    if (v6 != null && Inet.parsePton6(buf, hostFrom, hostTo, v6)) {
      af = 10;
      addr = v6;
    } else {
      // the IPv4 way: the last ':' of the (bracketed part of the) text separates the port
      int colon = -1;
      for (int k = hostTo - 1; k >= hostFrom; k--) {
        if (buf[k] == ':') {
          colon = k;
          break;
        }
      }
      int v4To = hostTo;
      if (buf[from] == '[') {
        // "[v4]:port": ipvsadm looks for a port inside the brackets only, so the one after them is ignored
        portFrom = colon >= 0 ? colon + 1 : -1;
      } else {
        portFrom = colon >= 0 ? colon + 1 : -1;
      }
      if (colon >= 0) {
        v4To = colon;
      }
      long a = Inet.parseAton(buf, hostFrom, v4To);
      if (a < 0) {
        Optional<Inet4Address> h = hosts.addressOf(new String(buf, hostFrom, v4To - hostFrom));
        if (h.isEmpty()) {
          return 0;
        }
        addr = h.get().getAddress();
      } else {
        addr = new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
      }
      af = 2;
    }
    result = 1;
    int port = -1;
    if (portFrom >= 0) {
      result = 3;
      long p = strtolWhole(portFrom, to);
      if (buf[from] == '[' && af == 2) {
        // the port text is what followed the ':' inside the brackets
        p = strtolWhole(portFrom, hostTo);
      }
      if (p != Long.MIN_VALUE && p >= 0 && p <= 65535) {
        port = (int) p;
      } else {
        int pTo = buf[from] == '[' && af == 2 ? hostTo : to;
        OptionalInt named = serviceNames.port(new String(buf, portFrom, pTo - portFrom),
            svcProtocol == 0 ? null : Protocol.of(svcProtocol));
        if (named.isEmpty()) {
          return 0;
        }
        port = named.getAsInt();
      }
    }
    return serviceParsed(service, from, to, af, af == 2 ? ipv4(Inet.value(addr)) : Inet.fromBytes(addr), result,
        port);
  }

  /** Sets the service's (or with {@code service} false, the real server's) parsed address and port. */
  private int serviceParsed(boolean service, int from, int to, int af, InetAddress address, int result, int port) {
    if (service) {
      svcAf = af;
      svcAddress = address;
      if (af == 10) {
        netmask = 128;
      }
      if (result == 3) {
        svcPort = port;
      }
      if (to - from <= lastSvcText.length) {
        System.arraycopy(buf, from, lastSvcText, 0, to - from);
        lastSvcLength = to - from;
        lastSvcKind = svcProtocol;
        lastSvcAf = af;
        lastSvcAddress = address;
        lastSvcPort = port;
        lastSvcResult = result;
      }
    } else {
      destAf = af;
      destAddress = address;
      destPort = result == 3 ? port : svcPort;
    }
    return result;
  }

  private static final long QUAD_HAS_PORT = 1L << 16;

  // The IPv4 addresses this parse has made, by value (direct-mapped): a save file names the same real servers under
  // many services, and one object then serves every line that names one, so such a line makes no address, and the
  // table holds each address once.
  private static final int V4_SLOTS = 1024;
  private int[] v4Values;
  private InetAddress[] v4Addresses;

  /** The address of the 32-bit value {@code value} (most significant byte first). */
  private InetAddress ipv4(int value) {
    if (v4Addresses == null) {
      v4Values = new int[V4_SLOTS];
      v4Addresses = new InetAddress[V4_SLOTS];
    }
    int slot = (value * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(V4_SLOTS));
    InetAddress a = v4Addresses[slot];
    if (a == null || v4Values[slot] != value) {
      a = Inet.ipv4(value & 0xFFFF_FFFFL);
      v4Addresses[slot] = a;
      v4Values[slot] = value;
    }
    return a;
  }

  /**
   * {@code buf[from, to)} read as four decimal parts 0-255 without leading zeros and an optional {@code :port} of up
   * to five decimal digits (0-65535): the address in bits 24-55, {@link #QUAD_HAS_PORT}, the port in bits 0-15; -1
   * for any other text, which the general path reads (octal or hex parts, fewer parts, names, a larger port).
   */
  private long decimalQuad(int from, int to) {
    char[] b = buf;
    int i = from;
    long address = 0;
    for (int part = 0; ; part++) {
      // one to three digits, the first not a leading zero (octal to inet_aton), at most 255; what else the text
      // holds, the general path decides
      int v = i < to ? digitValue(b[i]) : -1;
      if (v < 0) {
        return -1;
      }
      i++;
      int d = i < to ? digitValue(b[i]) : -1;
      if (d >= 0) {
        if (v == 0) {
          return -1;
        }
        v = v * 10 + d;
        i++;
        d = i < to ? digitValue(b[i]) : -1;
        if (d >= 0) {
          v = v * 10 + d;
          i++;
          if (v > 255 || (i < to && digitValue(b[i]) >= 0)) {
            return -1;
          }
        }
      }
      address = address << 8 | v;
      if (part == 3) {
        break;
      }
      if (i >= to || b[i] != '.') {
        return -1;
      }
      i++;
    }
    if (i == to) {
      return address << 24;
    }
    if (b[i] != ':' || to - i - 1 < 1 || to - i - 1 > 5) {
      return -1;
    }
    int port = 0;
    for (i++; i < to; i++) {
      int d = digitValue(b[i]);
      if (d < 0) {
        return -1;
      }
      port = port * 10 + d;
    }
    return port > 65535 ? -1 : address << 24 | QUAD_HAS_PORT | port;
  }

  /** The decimal digit {@code c} stands for, or -1: one unsigned comparison. */
  private static int digitValue(char c) {
    int d = c - '0';
    return Integer.compareUnsigned(d, 9) <= 0 ? d : -1;
  }

  private boolean hasTwoColons(int from, int to) {
    int colons = 0;
    for (int k = from; k < to && colons < 2; k++) {
      if (buf[k] == ':') {
        colons++;
      }
    }
    return colons >= 2;
  }

  // ---- errors --------------------------------------------------------------------------------------------------

  private String text(int t) {
    return new String(buf, tokStart[t], tokEnd[t] - tokStart[t]);
  }

  private String text(int from, int to) {
    return new String(buf, from, to - from);
  }

  /** A refusal of token {@code t} from {@code at}, with ipvsadm's {@code fail(2, ...)} message (null: none). */
  private TextFormatException error(int t, int at, String expected, String ipvsadm) {
    return new TextFormatException(lineNo, at - lineOffset + 1, text(at, tokEnd[t]), expected, 0, ipvsadm, 2);
  }

  /** A refusal the kernel would make too, with errno {@code kernelErrno}; ipvsadm prints the kernel's answer. */
  private TextFormatException kernelError(int t, int at, String expected, int kernelErrno) {
    return new TextFormatException(lineNo, at - lineOffset + 1, text(at, tokEnd[t]), expected, kernelErrno);
  }

  /**
   * An error of ipvsadm's option parser (popt), status 255: {@code "OPTION: WHAT"}, or, while the command is still
   * being looked for, ipvsadm's hint to read the help.
   */
  private TextFormatException optionError(int t, int at, String expected, String badOption, String what) {
    String ipvsadm = cmd == CMD_NONE ? TRY_HELP : badOption + ": " + what;
    return new TextFormatException(lineNo, at - lineOffset + 1, text(at, tokEnd[t]), expected, 0, ipvsadm, 255);
  }

  private TextFormatException argError(String expected, String ipvsadm) {
    return error(argTok, argFrom, expected, ipvsadm);
  }

  private TextFormatException errorEnd(String expected, String ipvsadm) {
    return new TextFormatException(lineNo, lineLength + 1, TextFormatException.END_OF_LINE, expected, 0, ipvsadm, 2);
  }

  /** A missing option value at the end of the line: popt's {@code missing argument}. */
  private TextFormatException missingValue(String expected, String badOption) {
    String ipvsadm = cmd == CMD_NONE ? TRY_HELP : badOption + ": missing argument";
    return new TextFormatException(lineNo, lineLength + 1, TextFormatException.END_OF_LINE, expected, 0, ipvsadm, 255);
  }
}
