package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.ConflictMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageLogTest {

  /** Puts and gets through every node while a partition comes and goes, on a network that loses and duplicates. */
  private static Simulation scenario(long seed, int maxClientRequests, boolean record) {
    SimConfig config = SimConfig.of(3, seed).withNetwork(NetworkConfig.defaults().withLoss(0.05).withDuplicate(0.05));
    config = config.withTemplate(config.template().withConflicts(ConflictMode.LWW));
    Simulation sim = new Simulation(config);
    if (record) sim.recordMessages(maxClientRequests);
    sim.start();
    sim.runFor(Duration.ofSeconds(2));
    List<SimClient> clients = List.of(sim.client("n1"), sim.client("n2"), sim.client("n3"));
    for (int i = 0; i < 30; i++) {
      int n = i;
      sim.schedule(Duration.ofMillis(100L * i), () -> {
        SimClient c = clients.get(n % 3);
        if (n % 2 == 0) c.putAsync("k" + (n % 4), ("v" + n).getBytes(StandardCharsets.US_ASCII), Context.EMPTY, RequestOptions.DEFAULTS);
        else c.getAsync("k" + (n % 4), RequestOptions.DEFAULTS);
      });
    }
    sim.schedule(Duration.ofMillis(700), () -> sim.partition(Map.of("n1", Set.of("n2", "n3"))));
    sim.schedule(Duration.ofMillis(1900), () -> sim.partition(Map.of()));
    // Stops 10 µs after the last request was sent, still travelling: the log must say so of it.
    sim.runFor(Duration.ofMillis(2900).plusNanos(10_000));
    return sim;
  }

  @Test
  void everyMessageSentIsDeliveredDroppedOrStillInFlight() {
    Simulation sim = scenario(11, 1000, true);
    MessageLog log = sim.messageLog();
    assertThat(log.complete()).isTrue();
    long sent = 0;
    long received = 0;
    for (String n : sim.nodeIds()) {
      sent += sim.traffic(n).sentMessages();
      received += sim.traffic(n).receivedMessages();
    }
    List<MessageRecord> peer = log.messages().stream().filter(m -> !m.from().startsWith("client") && !m.to().startsWith("client")).toList();
    long duplicates = peer.stream().filter(m -> m.duplicateOf() >= 0).count();
    assertThat(duplicates).as("the network duplicated some messages").isPositive();
    assertThat(peer.size() - duplicates).as("one record per message a node sent, plus one per duplicate").isEqualTo(sent);
    assertThat(peer.stream().filter(m -> m.fate() == MessageRecord.Fate.DELIVERED).count()).isEqualTo(received);
    assertThat(peer.stream().filter(m -> m.fate() == MessageRecord.Fate.DROPPED).count()).isEqualTo(sim.droppedMessages());
    assertThat(log.messages()).anyMatch(m -> m.fate() == MessageRecord.Fate.IN_FLIGHT);
    assertThat(log.messages()).anyMatch(m -> "link cut".equals(m.why()));
    assertThat(log.messages()).anyMatch(m -> "lost".equals(m.why()));
    for (MessageRecord m : log.messages()) {
      switch (m.fate()) {
        case DELIVERED -> assertThat(m.endNanos()).isGreaterThanOrEqualTo(m.dueNanos()).isGreaterThanOrEqualTo(m.sentNanos());
        case DROPPED -> assertThat(m.why()).isNotBlank();
        case IN_FLIGHT -> assertThat(m.endNanos()).isEqualTo(-1);
      }
      assertThat(m.description()).isNotBlank();
    }
    assertThat(log.messages().stream().filter(m -> m.type() == MessageType.CLIENT_REQUEST).count()).isEqualTo(log.clientRequests()).isEqualTo(30);
  }

  @Test
  void messagesSayWhatTheyCarried() {
    MessageLog log = scenario(11, 1000, true).messageLog();
    List<MessageType> types = log.messages().stream().map(MessageRecord::type).distinct().toList();
    assertThat(types).contains(MessageType.CLIENT_REQUEST, MessageType.CLIENT_REPLY, MessageType.REPLICA_READ, MessageType.REPLICA_READ_ACK,
        MessageType.REPLICA_WRITE, MessageType.REPLICA_WRITE_ACK, MessageType.GOSSIP);
    MessageRecord write = log.messages().stream().filter(m -> m.type() == MessageType.REPLICA_WRITE).findFirst().orElseThrow();
    // A last-writer-wins version: its value and its timestamp, relative to the simulation's wall clock at zero.
    assertThat(write.description()).matches("write k\\d \\(op \\d+\\).*: \"v\\d+\" ts \\+\\d+\\.\\d{6} s by n\\d");
    assertThat(write.cause()).as("sent while handling a client request").isPositive();
    MessageRecord reply = log.messages().stream().filter(m -> m.type() == MessageType.CLIENT_REPLY && m.answers() > 0).findFirst().orElseThrow();
    assertThat(log.messages().get((int) reply.answers() - 1).type()).isEqualTo(MessageType.CLIENT_REQUEST);
    assertThat(reply.key()).isEqualTo(log.messages().get((int) reply.answers() - 1).key());
  }

  @Test
  void recordingIsDeterministicAndLeavesTheRunAsItWas() {
    Simulation a = scenario(23, 1000, true);
    Simulation b = scenario(23, 1000, true);
    Simulation plain = scenario(23, 1000, false);
    assertThat(lines(a.messageLog())).isEqualTo(lines(b.messageLog())).isNotEmpty();
    assertThat(a.trace().digest()).isEqualTo(plain.trace().digest());
    assertThat(a.eventsRun()).isEqualTo(plain.eventsRun());
    assertThat(lines(scenario(24, 1000, true).messageLog())).isNotEqualTo(lines(a.messageLog()));
  }

  @Test
  void aRunWithMoreRequestsThanTheLimitKeepsNothing() {
    Simulation sim = scenario(11, 10, true);
    MessageLog log = sim.messageLog();
    assertThat(log.complete()).isFalse();
    assertThat(log.messages()).isEmpty();
    assertThat(log.clientRequests()).isEqualTo(30);
    assertThat(sim.trace().digest()).isEqualTo(scenario(11, 10, false).trace().digest());
  }

  private static List<String> lines(MessageLog log) {
    List<String> out = new ArrayList<>();
    for (MessageRecord m : log.messages()) {
      out.add(m.id() + " " + m.type() + " " + m.from() + " " + m.to() + " " + m.sentNanos() + " " + m.dueNanos() + " " + m.fate() + " "
          + m.endNanos() + " " + m.why() + " " + m.cause() + " " + m.duplicateOf() + " " + m.description());
    }
    return out;
  }
}
