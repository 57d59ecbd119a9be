package io.github.ipvs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.textformat.ListingPrinter;
import io.github.ipvs4j.textformat.SaveParser;
import org.junit.jupiter.api.Test;

/** Host tier: the JSON listing, pinned for a table with each kind of service and a tunnel. */
class ListingJsonTest {
  static final String RULES = """
      -A -t 192.0.2.1:80 -s sh -b sh-port -p 300
      -a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 2
      -a -t 192.0.2.1:80 -r 198.51.100.2:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
      -A -f 7 -6 -s rr -p 60 -M 64 --pe sip
      """;

  static final String JSON = "{\"version\":\"1.2.1\",\"connectionTableSize\":4096,\"services\":["
      + "{\"protocol\":\"TCP\",\"address\":\"192.0.2.1\",\"port\":80,\"family\":\"INET\",\"scheduler\":\"sh\","
      + "\"flags\":[\"sh-port\"],\"persistence\":{\"timeoutSeconds\":300,\"netmask\":null},"
      + "\"persistenceEngine\":null,\"onePacket\":false,\"stats\":" + ZeroStats.JSON + ",\"destinations\":["
      + "{\"address\":\"198.51.100.1\",\"port\":80,\"forwarding\":\"DIRECT_ROUTE\",\"weight\":2,\"upperThreshold\":0,"
      + "\"lowerThreshold\":0,\"tunnel\":null,\"activeConnections\":0,\"inactiveConnections\":0,"
      + "\"persistentConnections\":0,\"stats\":" + ZeroStats.JSON + "},"
      + "{\"address\":\"198.51.100.2\",\"port\":80,\"forwarding\":\"TUNNEL\",\"weight\":1,\"upperThreshold\":0,"
      + "\"lowerThreshold\":0,\"tunnel\":{\"type\":\"gue\",\"port\":6080,\"checksum\":\"csum\"},"
      + "\"activeConnections\":0,\"inactiveConnections\":0,\"persistentConnections\":0,\"stats\":" + ZeroStats.JSON
      + "}]},"
      + "{\"fwmark\":7,\"family\":\"INET6\",\"scheduler\":\"rr\",\"flags\":[],\"persistence\":{\"timeoutSeconds\":60,"
      + "\"netmask\":\"64\"},\"persistenceEngine\":\"sip\",\"onePacket\":false,\"stats\":" + ZeroStats.JSON
      + ",\"destinations\":[]}]}\n";

  private static final class ZeroStats {
    static final String JSON = "{\"connections\":0,\"inPackets\":0,\"outPackets\":0,\"inBytes\":0,\"outBytes\":0,"
        + "\"connectionRate\":0,\"inPacketRate\":0,\"outPacketRate\":0,\"inByteRate\":0,\"outByteRate\":0}";
  }

  @Test
  void aTableAsJson() {
    IpvsTable table = SaveParser.create().parseTable(RULES);
    String json = ListingJson.of(new IpvsInfo(0x010201, 4096), ListingPrinter.withZeroCounters(table));
    assertThat(json).isEqualTo(JSON);
  }

  @Test
  void stringsAreEscaped() {
    assertThat(ListingJson.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
  }
}
