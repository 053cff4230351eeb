package io.quorumlab.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small parts of range transfer: codec, token ranges, the join plan, and the state machines' invariants. */
class TransferPartsTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void messagesRoundTripAndGarbageIsRefused() {
    TransferMessage.Batch batch = new TransferMessage.Batch(7, 3, List.of(new KeyValue(b("k"), b("state"))), true);
    TransferMessage.Batch got = (TransferMessage.Batch) TransferCodec.decode(TransferCodec.encode(batch));
    assertThat(got.stream()).isEqualTo(7);
    assertThat(got.seq()).isEqualTo(3);
    assertThat(got.last()).isTrue();
    assertThat(got.entries()).containsExactly(new KeyValue(b("k"), b("state")));
    TransferMessage.Request request = new TransferMessage.Request(9, List.of(new TokenRange(-5, 10), TokenRange.fullRing()));
    assertThat(TransferCodec.decode(TransferCodec.encode(request))).isEqualTo(request);
    assertThat(TransferCodec.decode(TransferCodec.encode(new TransferMessage.Ack(9, 2)))).isEqualTo(new TransferMessage.Ack(9, 2));
    assertThatThrownBy(() -> TransferCodec.decode(new byte[] {9})).isInstanceOf(MalformedException.class);
    byte[] ack = TransferCodec.encode(new TransferMessage.Ack(1, 1));
    byte[] longer = java.util.Arrays.copyOf(ack, ack.length + 1);
    assertThatThrownBy(() -> TransferCodec.decode(longer)).isInstanceOf(MalformedException.class);
    byte[] req = TransferCodec.encode(request);
    byte[] shorter = java.util.Arrays.copyOf(req, req.length - 3);
    assertThatThrownBy(() -> TransferCodec.decode(shorter)).isInstanceOf(MalformedException.class);
  }

  @Test
  void tokenRangesMergeAndWrapThroughTheTopOfTheRing() {
    TokenRanges ranges = TokenRanges.of(List.of(new TokenRange(10, 20), new TokenRange(20, 30), new TokenRange(-10, 5)));
    assertThat(ranges.contains(10)).isFalse();
    assertThat(ranges.contains(11)).isTrue();
    assertThat(ranges.contains(30)).isTrue();
    assertThat(ranges.contains(31)).isFalse();
    assertThat(ranges.contains(-9)).isTrue();
    assertThat(ranges.contains(-1)).isTrue();
    assertThat(ranges.contains(0)).isTrue();
    assertThat(ranges.contains(5)).isTrue();
    assertThat(ranges.contains(6)).isFalse();
    assertThat(ranges.contains(-10)).isFalse();
    assertThat(TokenRanges.of(ranges.toList()).toList()).isEqualTo(ranges.toList());
    assertThat(ranges.toList()).hasSize(3); // (10, 30] merged; the wrapping range is two runs
    assertThat(TokenRanges.of(List.of(TokenRange.fullRing())).contains(123)).isTrue();
    assertThat(TokenRanges.EMPTY.contains(0)).isFalse();
    assertThat(TokenRanges.EMPTY.union(TokenRanges.of(List.of(new TokenRange(1, 2)))).contains(2)).isTrue();
  }

  @Test
  void theJoinPlanCoversExactlyTheJoinersKeysAndAsksTheDisplacedReplicaFirst() {
    Ring current = Ring.of(List.of("a", "b", "c", "d", "e"), 16);
    Ring future = Ring.of(List.of("a", "b", "c", "d", "e", "j"), 16);
    List<JoinPlan.Arc> arcs = JoinPlan.arcs(current, "j", 3);
    TokenRanges all = TokenRanges.of(arcs.stream().map(JoinPlan.Arc::range).toList());
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      long token = random.nextLong();
      List<String> will = future.preferenceListAt(token, 3);
      assertThat(all.contains(token)).as("token " + token).isEqualTo(will.contains("j"));
      if (will.contains("j")) {
        JoinPlan.Arc arc = arcs.stream().filter(a -> TokenRanges.of(List.of(a.range())).contains(token)).findFirst().orElseThrow();
        List<String> now = current.preferenceListAt(token, 3);
        assertThat(arc.candidates()).containsExactlyInAnyOrderElementsOf(now);
        assertThat(will).doesNotContain(arc.candidates().get(0));
      }
    }
  }

  @Test
  void anIllegalActivityTransitionTripsAnAssertion() {
    TransferNetwork net = new TransferNetwork(4);
    RangeTransfer idle = net.member("n1").transfer;
    assertThatThrownBy(() -> idle.moveTo(Activity.JOINED)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("cannot go from IDLE to JOINED");
    assertThat(idle.activity()).isEqualTo(Activity.IDLE);
  }

  @Test
  void aStreamCannotSendItsNextBatchBeforeTheLastOneIsAcknowledged() {
    TransferNetwork net = new TransferNetwork(4);
    net.put("k", "v");
    StreamSender sender = new StreamSender("n2", 1, key -> true);
    TransferData data = net.member(net.ring().preferenceList("k", 3).get(0));
    assertThat(sender.next(data, 0).entries()).hasSize(1);
    assertThatThrownBy(() -> sender.next(data, 1)).isInstanceOf(AssertionError.class).hasMessageContaining("unacknowledged");
    assertThat(sender.acknowledge(0)).isTrue();
    assertThat(sender.complete()).isTrue();
    assertThatThrownBy(() -> sender.next(data, 2)).isInstanceOf(AssertionError.class).hasMessageContaining("ended the stream");
  }

  @Test
  void handoverPhasesOnlyMoveForward() {
    Handover h = new Handover("j");
    assertThatThrownBy(() -> h.collect(new TransferNetwork(3).member("n1"), Ring.of(List.of("n1"), 1), "n1", 3))
        .isInstanceOf(AssertionError.class).hasMessageContaining("in phase STREAMING");
    List<String> phases = new ArrayList<>();
    h.stream(1, TokenRanges.EMPTY);
    phases.add(h.phase().name());
    h.streamEnded(true);
    phases.add(h.phase().name());
    assertThatThrownBy(() -> h.streamEnded(true)).isInstanceOf(AssertionError.class);
    assertThat(phases).containsExactly("STREAMING", "WAITING");
  }
}
