/*
 * netlink_floor: the netlink floor for ipvs4j's host-only round-trip benchmark (RoundTripBenchmark). It sends the
 * same messages as ipvs4j does for the same work, with one socket set up as NetlinkConnection sets up its own, no
 * allocation after start-up and no model: the cost of talking to the kernel and nothing else.
 *
 *   netlink_floor nlctrl K                  K round trips, one after another, of CTRL_CMD_GETFAMILY "nlctrl"
 *                                           (NLM_F_REQUEST | NLM_F_ACK), each waiting for its reply and its ack
 *   netlink_floor addr-add K IFNAME [bare]  adds addresses 0..K-1 of the scheme below with RTM_NEWADDR
 *                                           (NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK)
 *   netlink_floor addr-list IFNAME [bare] [LISTS]   dumps every address (RTM_GETADDR), LISTS times back to back
 *                                           (1 by default; the time printed is for all); counts the host ones on
 *                                           IFNAME
 *   netlink_floor addr-del K IFNAME [bare]  deletes addresses 0..K-1 with RTM_DELADDR (NLM_F_ACK)
 *
 * Each prints "<mode>_ns <ns> <count>" (mode with '_' for '-'), the wall time taken in this process after
 * start-up, then "<mode>_cpu_ns <ns> <count>", the CPU time (user and system) this process used in that time.
 *
 * Without "bare" the exchanges are those of VipAliases: ensureVips and removeVips first dump the links (RTM_GETLINK)
 * and the addresses, then send the requests in NetlinkConnection.batch's window (receive buffer / 4 KiB requests in
 * flight, refilled when half are answered, at most 3.5 KiB a datagram); addresses() dumps the links, then the
 * addresses. "bare" is the operation alone: no dump before it, every request sent before the first ack is read (the
 * receive buffer must hold K acks). A dump that comes back interrupted (NLM_F_DUMP_INTR) is run again from the start,
 * clock included, before anything is sent; the retry is reported on stderr.
 *
 * Addresses: index i < 762 is IPv4 /32, 192.0.2.1-254, then 198.51.100.1-254, then 203.0.113.1-254; from 762 on it
 * is IPv6 /128 2001:db8::N with N = i - 761 (added with IFA_F_NODAD, as ipvs4j adds IPv6 VIPs). Documentation
 * ranges only.
 *
 * Exit status 1 with a message if the kernel refuses anything or the state is not the expected one. Linux only.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RECV_BYTES (64 * 1024)    /* NetlinkOptions.readBufferSize: the kernel sizes dump datagrams by it */
#define RCVBUF_BYTES (1024 * 1024) /* NetlinkOptions.receiveBufferSize; the kernel doubles it */
#define REPLY_BUDGET 4096          /* NetlinkOptions.replyBudget: the window is the receive buffer / this */
#define MAX_DATAGRAM 3584          /* NetlinkConnection.MAX_BATCH_DATAGRAM: under NLMSG_GOODSIZE */
#define IPV4_ADDRESSES 762         /* 3 x 254 hosts, then IPv6 */
#define MAX_ROUND_TRIPS 100000000
#define MAX_ADDRESSES (IPV4_ADDRESSES + 65535) /* N is the last 16 bits */

static int fd;
static uint32_t seq;
static unsigned char sendbuf[MAX_DATAGRAM];
static unsigned char recvbuf[RECV_BYTES];
static size_t sendlen;
static int window;
static int max_datagram;
static int ifindex;
static int interrupted; /* a dump part carried NLM_F_DUMP_INTR: the table changed during the dump */

static void die(const char *what, int err) {
  fprintf(stderr, "netlink_floor: %s: %s\n", what, strerror(err));
  exit(1);
}

static void fail(const char *what) {
  fprintf(stderr, "netlink_floor: %s\n", what);
  exit(1);
}

static long long clock_ns(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long now_ns(void) { return clock_ns(CLOCK_MONOTONIC); } /* what System.nanoTime reads */
static long long cpu_ns(void) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }

/* ---- message building, in place in sendbuf ---- */

static struct nlmsghdr *begin(uint16_t type, uint16_t flags, const void *header, uint32_t header_len) {
  struct nlmsghdr *h = (struct nlmsghdr *)(sendbuf + sendlen);
  h->nlmsg_type = type;
  h->nlmsg_flags = NLM_F_REQUEST | flags;
  h->nlmsg_seq = ++seq;
  h->nlmsg_pid = 0;
  memcpy(NLMSG_DATA(h), header, header_len);
  h->nlmsg_len = NLMSG_LENGTH(header_len);
  return h;
}

static void attr(struct nlmsghdr *h, uint16_t type, const void *data, uint16_t len) {
  struct nlattr *a = (struct nlattr *)((unsigned char *)h + NLMSG_ALIGN(h->nlmsg_len));
  a->nla_type = type;
  a->nla_len = NLA_HDRLEN + len;
  memcpy((unsigned char *)a + NLA_HDRLEN, data, len);
  memset((unsigned char *)a + a->nla_len, 0, NLA_ALIGN(a->nla_len) - a->nla_len);
  h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + NLA_ALIGN(a->nla_len);
}

static void end(struct nlmsghdr *h) {
  sendlen += NLMSG_ALIGN(h->nlmsg_len);
}

/* ---- the socket ---- */

static void send_all(void) {
  ssize_t n = send(fd, sendbuf, sendlen, 0);
  if (n < 0) die("send", errno);
  if ((size_t)n != sendlen) fail("short send");
  sendlen = 0;
}

static ssize_t receive(void) {
  ssize_t n = recv(fd, recvbuf, sizeof recvbuf, 0);
  if (n < 0) die("recv", errno);
  return n;
}

static void check_ack(struct nlmsghdr *h) {
  struct nlmsgerr *e = (struct nlmsgerr *)NLMSG_DATA(h);
  if (e->error) {
    fprintf(stderr, "netlink_floor: request %u (type %u)\n", e->msg.nlmsg_seq, e->msg.nlmsg_type);
    die("the kernel refused a request", -e->error);
  }
}

/* Opens the socket as NetlinkConnection.open does: bound, receive buffer forced, extended and capped acks. */
static void open_socket(int protocol) {
  fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
  if (fd < 0) die("socket", errno);
  struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) die("bind", errno);
  int size = RCVBUF_BYTES;
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0 &&
      setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) < 0) {
    die("SO_RCVBUF", errno);
  }
  int one = 1;
  if (setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one) < 0) die("NETLINK_EXT_ACK", errno);
  if (setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof one) < 0) die("NETLINK_CAP_ACK", errno);
  int granted = 0;
  int sndbuf = 0;
  socklen_t len = sizeof granted;
  if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &granted, &len) < 0) die("SO_RCVBUF", errno);
  len = sizeof sndbuf;
  if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, &len) < 0) die("SO_SNDBUF", errno);
  window = granted / REPLY_BUDGET > 1 ? granted / REPLY_BUDGET : 1;
  max_datagram = sndbuf - 32 < MAX_DATAGRAM ? sndbuf - 32 : MAX_DATAGRAM;
  /* Fault the buffers in now, not inside the timed part. */
  memset(sendbuf, 0, sizeof sendbuf);
  memset(recvbuf, 0, sizeof recvbuf);
}

/* ---- nlctrl ---- */

static long nlctrl(int k) {
  struct genlmsghdr g = {.cmd = CTRL_CMD_GETFAMILY, .version = 1};
  struct nlmsghdr *h = begin(GENL_ID_CTRL, NLM_F_ACK, &g, GENL_HDRLEN);
  attr(h, CTRL_ATTR_FAMILY_NAME, "nlctrl", sizeof "nlctrl");
  end(h);
  size_t len = sendlen;
  long replies = 0;
  for (int i = 0; i < k; i++) {
    h->nlmsg_seq = ++seq; /* the same request, a new number each time */
    sendlen = len;
    send_all();
    for (int acked = 0; !acked;) {
      ssize_t n = receive();
      for (struct nlmsghdr *r = (struct nlmsghdr *)recvbuf; NLMSG_OK(r, (size_t)n); r = NLMSG_NEXT(r, n)) {
        if (r->nlmsg_seq != seq) fail("an answer to another request");
        if (r->nlmsg_type == NLMSG_ERROR) {
          check_ack(r);
          acked = 1;
        } else if (r->nlmsg_type == GENL_ID_CTRL) {
          replies++;
        }
      }
    }
  }
  if (replies != k) fail("nlctrl answered without a family");
  return replies;
}

/* ---- rtnetlink ---- */

/* Address i of the scheme in the header comment; returns its length (4 or 16). */
static int address(int i, unsigned char *out) {
  static const unsigned char nets[3][3] = {{192, 0, 2}, {198, 51, 100}, {203, 0, 113}};
  if (i < IPV4_ADDRESSES) {
    memcpy(out, nets[i / 254], 3);
    out[3] = (unsigned char)(1 + i % 254);
    return 4;
  }
  int n = i - IPV4_ADDRESSES + 1;
  memset(out, 0, 16);
  out[0] = 0x20;
  out[1] = 0x01;
  out[2] = 0x0d;
  out[3] = 0xb8;
  out[14] = (unsigned char)(n >> 8);
  out[15] = (unsigned char)n;
  return 16;
}

/* RTM_NEWADDR or RTM_DELADDR for address i, as VipAliases.message builds it. */
static void address_request(int i, int add) {
  unsigned char a[16];
  int len = address(i, a);
  struct ifaddrmsg m = {.ifa_family = len == 4 ? AF_INET : AF_INET6, .ifa_prefixlen = (unsigned char)(len * 8),
                        .ifa_scope = RT_SCOPE_UNIVERSE, .ifa_index = (unsigned)ifindex};
  uint32_t flags = add && len == 16 ? IFA_F_NODAD : 0;
  m.ifa_flags = (unsigned char)flags;
  struct nlmsghdr *h = begin(add ? RTM_NEWADDR : RTM_DELADDR, NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0), &m,
                             sizeof m);
  if (len == 4) attr(h, IFA_LOCAL, a, 4);
  attr(h, IFA_ADDRESS, a, (uint16_t)len);
  if (flags) attr(h, IFA_FLAGS, &flags, sizeof flags);
  end(h);
}

/*
 * Sends requests 0..k-1 with at most `in_flight` unanswered, refilled when half are answered, at most max_datagram
 * bytes a datagram: NetlinkConnection.batch's loop. Every request must be acknowledged without error.
 */
static void batch(int k, int in_flight, int add) {
  int sent = 0;
  int done = 0;
  uint32_t base = seq + 1;
  while (done < k) {
    if (sent < k && sent - done <= in_flight / 2) {
      int room = in_flight - (sent - done);
      for (int n = 0; sent < k && n < room && sendlen + 64 <= (size_t)max_datagram; n++) address_request(sent++, add);
      send_all();
      continue;
    }
    ssize_t n = receive();
    for (struct nlmsghdr *h = (struct nlmsghdr *)recvbuf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_seq - base >= (uint32_t)sent) fail("an answer to no request");
      if (h->nlmsg_type != NLMSG_ERROR) fail("an answer that is not an ack");
      check_ack(h);
      done++;
    }
  }
}

/* Counts the links (and finds IFNAME's index) or the host addresses on IFNAME, with one dump. */
static long dump(uint16_t type, const char *ifname) {
  struct ifinfomsg link = {0};
  struct ifaddrmsg addr = {0};
  int links = type == RTM_GETLINK;
  end(begin(type, NLM_F_DUMP, links ? (const void *)&link : (const void *)&addr, links ? sizeof link : sizeof addr));
  send_all();
  long count = 0;
  for (;;) {
    ssize_t n = receive();
    for (struct nlmsghdr *h = (struct nlmsghdr *)recvbuf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_seq != seq) fail("an answer to another request");
      if (h->nlmsg_flags & NLM_F_DUMP_INTR) interrupted = 1;
      if (h->nlmsg_type == NLMSG_DONE) {
        if (*(int *)NLMSG_DATA(h)) die("the dump ended with an error", -*(int *)NLMSG_DATA(h));
        return count;
      }
      if (h->nlmsg_type == NLMSG_ERROR) check_ack(h);
      if (h->nlmsg_type == RTM_NEWLINK) {
        count++;
        struct ifinfomsg *i = NLMSG_DATA(h);
        int len = (int)IFLA_PAYLOAD(h);
        for (struct rtattr *a = IFLA_RTA(i); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
          if (a->rta_type == IFLA_IFNAME && !strcmp(RTA_DATA(a), ifname)) ifindex = i->ifi_index;
        }
      } else if (h->nlmsg_type == RTM_NEWADDR) {
        struct ifaddrmsg *a = NLMSG_DATA(h);
        int host = a->ifa_family == AF_INET ? a->ifa_prefixlen == 32 : a->ifa_prefixlen == 128;
        if (host && (int)a->ifa_index == ifindex) count++;
      }
    }
  }
}

/* The dumps VipAliases makes before it adds, deletes or lists: links, then addresses. */
static long links_then_addresses(const char *ifname) {
  ifindex = 0;
  dump(RTM_GETLINK, ifname);
  if (!ifindex) fail("no such interface");
  return dump(RTM_GETADDR, ifname);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  int lists = !strcmp(mode, "addr-list");
  int changes = !strcmp(mode, "addr-add") || !strcmp(mode, "addr-del");
  /* addr-list may end with a count of lists to time back to back (one by default) */
  int repeat = 1;
  if (lists && argc > 3 && isdigit((unsigned char)argv[argc - 1][0])) {
    repeat = atoi(argv[--argc]);
    if (repeat < 1) fail("the count of lists is 1 or more");
  }
  if (!(!strcmp(mode, "nlctrl") && argc == 3) && !(lists && (argc == 3 || argc == 4)) &&
      !(changes && (argc == 4 || argc == 5))) {
    fprintf(stderr, "usage: netlink_floor nlctrl K | addr-add K IFNAME [bare] | addr-list IFNAME [bare] [LISTS]"
                    " | addr-del K IFNAME [bare]\n");
    return 2;
  }
  int k = lists ? 0 : atoi(argv[2]);
  const char *ifname = lists ? argv[2] : argc > 3 ? argv[3] : NULL;
  const char *variant = lists && argc > 3 ? argv[3] : changes ? argv[4] : NULL; /* argv[argc] is NULL */
  int bare = variant && !strcmp(variant, "bare");
  if (variant && !bare) fail("the variant is \"bare\" or nothing");
  if (!lists && (k < 1 || k > (changes ? MAX_ADDRESSES : MAX_ROUND_TRIPS))) fail("K is out of range");

  long long t0;
  long long c0;
  long count = k;
  if (!strcmp(mode, "nlctrl")) {
    open_socket(NETLINK_GENERIC);
    c0 = cpu_ns();
    t0 = now_ns();
    count = nlctrl(k);
  } else {
    open_socket(NETLINK_ROUTE);
    int add = !strcmp(mode, "addr-add");
    if (bare) {
      ifindex = (int)if_nametoindex(ifname); /* before the clock starts: the bare variant has no link dump */
      if (!ifindex) die(ifname, errno);
    }
    long present;
    for (int retries = 0;; retries++) {
      interrupted = 0;
      c0 = cpu_ns();
      t0 = now_ns();
      for (int r = 0; r < repeat && !interrupted; r++) {
        present = bare ? (lists ? dump(RTM_GETADDR, ifname) : -1) : links_then_addresses(ifname);
      }
      if (!interrupted) break;
      /* Nothing was sent yet: start again, clock and all, as RoundTripBenchmark does with ipvs4j. */
      fprintf(stderr, "netlink_floor: %s: dump interrupted (NLM_F_DUMP_INTR), retry %d\n", mode, retries + 1);
    }
    if (lists) {
      count = present;
    } else {
      if (present >= 0 && present != (add ? 0 : k)) fail(add ? "addresses already present" : "addresses missing");
      /* ipvs4j's window, or every request in flight at once when bare (the receive buffer holds K acks) */
      batch(k, bare ? k : window, add);
    }
  }
  long long took = now_ns() - t0;
  long long used = cpu_ns() - c0;
  char name[16];
  snprintf(name, sizeof name, "%s", mode);
  for (char *c = name; *c; c++) {
    if (*c == '-') *c = '_';
  }
  printf("%s_ns %lld %ld\n%s_cpu_ns %lld %ld\n", name, took, count, name, used, count);
  return 0;
}
