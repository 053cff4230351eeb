package io.quorumlab.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {
  private static final Map<String, String> IPS = Map.of("n1", "10.0.0.11", "n2", "10.0.0.12", "n3", "10.0.0.13");
  private static final NetworkRules.Capabilities NO_NETEM = new NetworkRules.Capabilities(false, true, true, "Error: Specified qdisc kind is unknown.");
  private static final NetworkRules.Capabilities ALL = new NetworkRules.Capabilities(true, true, true, "");

  @Test
  void aGrudgeBecomesDropsOfThePeersSourceAddressesInTheReceiver() {
    Map<String, Set<String>> g = Map.of("n2", Set.of("n1", "n3"));
    String s = NetworkRules.partition("n2", g, IPS);
    assertThat(s).contains(":QL_PART - [0:0]").contains("-A QL_PART -s 10.0.0.11/32 -j DROP").contains("-A QL_PART -s 10.0.0.13/32 -j DROP")
        .contains("iptables-restore -w --noflush");
    // n1 holds no grudge: its chain is emptied.
    assertThat(NetworkRules.partition("n1", g, IPS)).doesNotContain("-j DROP").contains(":QL_PART - [0:0]");
  }

  @Test
  void lossIsARandomDropInTheReceiverAndLatencyNeedsNetem() {
    Map<Link, Slowness> slowed = Map.of(new Link("n1", "n2"), new Slowness(40, 10, 0.25, 0));
    String receiver = NetworkRules.slow("n2", slowed, IPS, NO_NETEM, "eth0");
    assertThat(receiver).contains("-A QL_LOSS -s 10.0.0.11/32 -m statistic --mode random --probability 0.2500 -j DROP");
    String sender = NetworkRules.slow("n1", slowed, IPS, NO_NETEM, "eth0");
    assertThat(sender).doesNotContain("netem").doesNotContain("htb rate").contains("tc qdisc del dev eth0 root");
    String withNetem = NetworkRules.slow("n1", slowed, IPS, ALL, "eth0");
    assertThat(withNetem).contains("netem delay 40ms 10ms").contains("match ip dst 10.0.0.12/32 flowid 1:10");
    assertThat(NetworkRules.notInjected(new Slowness(40, 10, 0.25, 0), 6, NO_NETEM)).singleElement().asString()
        .startsWith("latency 40ms±10ms on 6 links not injected").contains("Specified qdisc kind is unknown");
    assertThat(NetworkRules.notInjected(new Slowness(40, 10, 0.25, 0), 6, ALL)).isEmpty();
  }

  @Test
  void rateIsAnHtbClassPerSlowedDestination() {
    Map<Link, Slowness> slowed = Map.of(new Link("n1", "n2"), new Slowness(0, 0, 0, 512), new Link("n1", "n3"), new Slowness(0, 0, 0, 512));
    String s = NetworkRules.slow("n1", slowed, IPS, NO_NETEM, "eth0");
    assertThat(s).contains("htb rate 512kbit ceil 512kbit").contains("match ip dst 10.0.0.12/32 flowid 1:10")
        .contains("match ip dst 10.0.0.13/32 flowid 1:11");
  }

  @Test
  void probeOutputIsParsed() {
    NetworkRules.Capabilities c = NetworkRules.Capabilities.parse("netem=2\nhtb=0\nstatistic=0\nnetem-error=Error: Specified qdisc kind is unknown.\n");
    assertThat(c.netem()).isFalse();
    assertThat(c.htb()).isTrue();
    assertThat(c.statistic()).isTrue();
    assertThat(c.netemError()).isEqualTo("Error: Specified qdisc kind is unknown.");
  }
}
