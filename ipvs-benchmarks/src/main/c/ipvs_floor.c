/*
 * ipvs_floor: the netlink floor for ipvs4j's whole-run benchmarks. It does what the Java client does for the same
 * table (ApplyAndReadBenchmark.table: N TCP services, M masquerading destinations each), with one generic-netlink
 * socket, requests packed into large batches, no allocation after start-up and no model: the cost of talking to
 * the kernel and nothing else. ipvs4j's times are reported as ratios to these.
 *
 *   ipvs_floor apply N M    flush, then add the N services and N*M destinations; prints "apply_ns <ns>"
 *   ipvs_floor read N M     dump every service, then every service's destinations; prints "read_ns <ns> <count>"
 *   ipvs_floor change N M   on that table, edit, remove and add 1% of the destinations; prints "change_ns <ns> <count>"
 *   ipvs_floor flush        IPVS_CMD_FLUSH; prints "flush_ns <ns>"
 *
 * Exit status 1 with a message if the kernel refuses anything. Linux only; run it where IPVS is loaded.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/ip_vs.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* One send: under the kernel's NLMSG_GOODSIZE (3776 bytes with 4 KiB pages), so that netlink_sendmsg takes a slab
 * buffer, not a vmalloc'd one (10-15% less kernel time for 10,000 x 10 than 256 KiB datagrams). */
#define BATCH_BYTES 3584
#define RECV_BYTES (1024 * 1024)
#define DUMP_WINDOW 1 /* a netlink socket runs one dump at a time (EBUSY otherwise) */

static int fd;
static uint16_t family;
static uint32_t seq;
static unsigned char sendbuf[BATCH_BYTES];
static unsigned char recvbuf[RECV_BYTES];
static size_t sendlen;
static uint32_t pending; /* requests sent whose acknowledgement has not been read */

static void die(const char *what, int err) {
  fprintf(stderr, "ipvs_floor: %s: %s\n", what, strerror(err));
  exit(1);
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* ---- message building, in place in sendbuf ---- */

static struct nlmsghdr *begin(uint16_t type, uint16_t flags, uint8_t cmd) {
  struct nlmsghdr *h = (struct nlmsghdr *)(sendbuf + sendlen);
  h->nlmsg_type = type;
  h->nlmsg_flags = NLM_F_REQUEST | flags;
  h->nlmsg_seq = ++seq;
  h->nlmsg_pid = 0;
  struct genlmsghdr *g = (struct genlmsghdr *)NLMSG_DATA(h);
  g->cmd = cmd;
  g->version = IPVS_GENL_VERSION;
  g->reserved = 0;
  h->nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
  return h;
}

static void end(struct nlmsghdr *h) {
  sendlen += NLMSG_ALIGN(h->nlmsg_len);
}

static struct nlattr *attr(struct nlmsghdr *h, uint16_t type, const void *data, uint16_t len) {
  struct nlattr *a = (struct nlattr *)((unsigned char *)h + NLMSG_ALIGN(h->nlmsg_len));
  a->nla_type = type;
  a->nla_len = NLA_HDRLEN + len;
  if (len) memcpy((unsigned char *)a + NLA_HDRLEN, data, len);
  h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + NLA_ALIGN(a->nla_len);
  return a;
}

static void u16(struct nlmsghdr *h, uint16_t type, uint16_t v) { attr(h, type, &v, 2); }
static void u32(struct nlmsghdr *h, uint16_t type, uint32_t v) { attr(h, type, &v, 4); }

static struct nlattr *nest(struct nlmsghdr *h, uint16_t type) {
  return attr(h, type | NLA_F_NESTED, NULL, 0);
}

static void nest_end(struct nlmsghdr *h, struct nlattr *n) {
  n->nla_len = (uint16_t)((unsigned char *)h + h->nlmsg_len - (unsigned char *)n);
}

/* ---- the socket ---- */

static void send_all(void) {
  size_t off = 0;
  while (off < sendlen) {
    ssize_t n = send(fd, sendbuf + off, sendlen - off, 0);
    if (n < 0) die("send", errno);
    off += (size_t)n;
  }
  sendlen = 0;
}

/* Reads until every pending request is acknowledged (or a dump is done); counts dumped messages in *items. */
static void receive(long *items) {
  while (pending > 0) {
    ssize_t n = recv(fd, recvbuf, sizeof recvbuf, 0);
    if (n < 0) die("recv", errno);
    for (struct nlmsghdr *h = (struct nlmsghdr *)recvbuf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_type == NLMSG_ERROR) {
        struct nlmsgerr *e = (struct nlmsgerr *)NLMSG_DATA(h);
        if (e->error) {
          fprintf(stderr, "ipvs_floor: request %u (type %u)\n", e->msg.nlmsg_seq, e->msg.nlmsg_type);
          die("the kernel refused a request", -e->error);
        }
        pending--;
      } else if (h->nlmsg_type == NLMSG_DONE) {
        pending--;
      } else {
        if (items) (*items)++;
      }
    }
  }
}

static void flush_batch(void) {
  send_all();
  receive(NULL);
}

/* Room for one more request of at most `need` bytes, else send what is batched first. */
static void room(size_t need) {
  if (sendlen + need > sizeof sendbuf) flush_batch();
}

static void open_socket(void) {
  fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
  if (fd < 0) die("socket", errno);
  /* Acknowledgements without a copy of the request (36 bytes each), and buffers past rmem_max where root may. */
  int one = 1;
  if (setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof one) < 0) die("NETLINK_CAP_ACK", errno);
  int size = 4 * 1024 * 1024;
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0) {
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  }
  if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size) < 0) {
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
  }
  struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) die("connect", errno);

  /* CTRL_CMD_GETFAMILY "IPVS": the family id. */
  struct nlmsghdr *h = begin(GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY);
  ((struct genlmsghdr *)NLMSG_DATA(h))->version = 1;
  attr(h, CTRL_ATTR_FAMILY_NAME, IPVS_GENL_NAME, sizeof IPVS_GENL_NAME);
  end(h);
  send_all();
  ssize_t n = recv(fd, recvbuf, sizeof recvbuf, 0);
  if (n < 0) die("recv", errno);
  struct nlmsghdr *r = (struct nlmsghdr *)recvbuf;
  if (r->nlmsg_type == NLMSG_ERROR) die("no IPVS generic-netlink family", -((struct nlmsgerr *)NLMSG_DATA(r))->error);
  int len = (int)r->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
  for (struct nlattr *a = (struct nlattr *)((unsigned char *)NLMSG_DATA(r) + GENL_HDRLEN); len >= NLA_HDRLEN;
       len -= NLA_ALIGN(a->nla_len), a = (struct nlattr *)((unsigned char *)a + NLA_ALIGN(a->nla_len))) {
    if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID) family = *(uint16_t *)((unsigned char *)a + NLA_HDRLEN);
  }
  if (!family) die("no family id in the answer", EPROTO);
}

/* ---- the table of ApplyAndReadBenchmark.table ---- */

static void service_attrs(struct nlmsghdr *h, int i, int full) {
  struct nlattr *s = nest(h, IPVS_CMD_ATTR_SERVICE);
  u16(h, IPVS_SVC_ATTR_AF, AF_INET);
  u16(h, IPVS_SVC_ATTR_PROTOCOL, IPPROTO_TCP);
  unsigned char addr[16] = {192, 0, 2, (unsigned char)(1 + i % 250)};
  attr(h, IPVS_SVC_ATTR_ADDR, addr, sizeof addr);
  u16(h, IPVS_SVC_ATTR_PORT, htons((uint16_t)(80 + i / 250)));
  if (full) {
    attr(h, IPVS_SVC_ATTR_SCHED_NAME, "wrr", 4);
    struct ip_vs_flags flags = {0, ~0u};
    attr(h, IPVS_SVC_ATTR_FLAGS, &flags, sizeof flags);
    u32(h, IPVS_SVC_ATTR_TIMEOUT, 0);
    u32(h, IPVS_SVC_ATTR_NETMASK, 0xffffffffu);
  }
  nest_end(h, s);
}

/* The j-th destination of a service (as in the table), at `port`, with the spec attributes when `full`. */
static void dest_attrs(struct nlmsghdr *h, int j, uint16_t port, uint32_t weight, int full) {
  struct nlattr *d = nest(h, IPVS_CMD_ATTR_DEST);
  unsigned char addr[16] = {j < 250 ? 198 : 203, j < 250 ? 51 : 0, j < 250 ? 100 : 113,
                            (unsigned char)(1 + j % 250)};
  attr(h, IPVS_DEST_ATTR_ADDR, addr, sizeof addr);
  u16(h, IPVS_DEST_ATTR_PORT, htons(port));
  if (full) {
    u32(h, IPVS_DEST_ATTR_FWD_METHOD, IP_VS_CONN_F_MASQ);
    u32(h, IPVS_DEST_ATTR_WEIGHT, weight);
    u32(h, IPVS_DEST_ATTR_U_THRESH, 0);
    u32(h, IPVS_DEST_ATTR_L_THRESH, 0);
  }
  u16(h, IPVS_DEST_ATTR_ADDR_FAMILY, AF_INET);
  nest_end(h, d);
}

static uint16_t dest_port(int j) { return (uint16_t)(8080 + j / 500); }

static void dest_request(uint8_t cmd, int i, int j, uint16_t port, uint32_t weight, int full) {
  room(512);
  struct nlmsghdr *h = begin(family, NLM_F_ACK, cmd);
  service_attrs(h, i, 0);
  dest_attrs(h, j, port, weight, full);
  end(h);
  pending++;
}

static void apply(int services, int destinations) {
  for (int i = 0; i < services; i++) {
    room(512);
    struct nlmsghdr *h = begin(family, NLM_F_ACK, IPVS_CMD_NEW_SERVICE);
    service_attrs(h, i, 1);
    end(h);
    pending++;
    for (int j = 0; j < destinations; j++) {
      dest_request(IPVS_CMD_NEW_DEST, i, j, dest_port(j), (uint32_t)(1 + j % 5), 1);
    }
  }
  flush_batch();
}

/* The change of WholeRunBenchmark.changes: of every 300 destinations (by i * M + j), one gets another weight, one is
 * removed and one gains a sibling on port 9090: 1% of the table. */
static long change(int services, int destinations) {
  long count = 0;
  for (int i = 0; i < services; i++) {
    for (int j = 0; j < destinations; j++) {
      long g = (long)i * destinations + j;
      if (g % 300 == 0) {
        dest_request(IPVS_CMD_SET_DEST, i, j, dest_port(j), (uint32_t)(6 + j % 5), 1);
      } else if (g % 300 == 100) {
        dest_request(IPVS_CMD_DEL_DEST, i, j, dest_port(j), 0, 0);
      } else if (g % 300 == 200) {
        dest_request(IPVS_CMD_NEW_DEST, i, j, 9090, 1, 1);
      } else {
        continue;
      }
      count++;
    }
  }
  flush_batch();
  return count;
}

static void flush_table(void) {
  struct nlmsghdr *h = begin(family, NLM_F_ACK, IPVS_CMD_FLUSH);
  end(h);
  pending++;
  flush_batch();
}

static long read_table(int services) {
  long count = 0;
  struct nlmsghdr *h = begin(family, NLM_F_DUMP, IPVS_CMD_GET_SERVICE);
  end(h);
  pending++;
  send_all();
  receive(&count);
  /* One destination dump per service, one after another: the kernel runs one dump per socket at a time. */
  for (int i = 0; i < services; i++) {
    h = begin(family, NLM_F_DUMP, IPVS_CMD_GET_DEST);
    service_attrs(h, i, 0);
    end(h);
    pending++;
    if (pending == DUMP_WINDOW || i == services - 1) {
      send_all();
      receive(&count);
    }
  }
  return count;
}

static double ms_between(const struct timeval *a, const struct timeval *b) {
  return (b->tv_sec - a->tv_sec) * 1e3 + (b->tv_usec - a->tv_usec) / 1e3;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: ipvs_floor apply N M | read N M | change N M | flush\n");
    return 2;
  }
  int n = argc > 2 ? atoi(argv[2]) : 0;
  int m = argc > 3 ? atoi(argv[3]) : 0;
  open_socket();
  long long t0 = now_ns();
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  if (!strcmp(argv[1], "apply")) {
    flush_table();
    t0 = now_ns();
    getrusage(RUSAGE_SELF, &r0);
    apply(n, m);
    printf("apply_ns %lld\n", now_ns() - t0);
  } else if (!strcmp(argv[1], "read")) {
    long count = read_table(n);
    printf("read_ns %lld %ld\n", now_ns() - t0, count);
  } else if (!strcmp(argv[1], "change")) {
    long count = change(n, m);
    printf("change_ns %lld %ld\n", now_ns() - t0, count);
  } else if (!strcmp(argv[1], "flush")) {
    flush_table();
    printf("flush_ns %lld\n", now_ns() - t0);
  } else {
    fprintf(stderr, "ipvs_floor: unknown mode %s\n", argv[1]);
    return 2;
  }
  /* where the timed part's time went: in user space (building requests, reading answers) or in the kernel */
  getrusage(RUSAGE_SELF, &r1);
  fprintf(stderr, "ipvs_floor %s: user %.1f ms, system %.1f ms\n", argv[1],
          ms_between(&r0.ru_utime, &r1.ru_utime), ms_between(&r0.ru_stime, &r1.ru_stime));
  return 0;
}
