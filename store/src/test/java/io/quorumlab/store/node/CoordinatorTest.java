package io.quorumlab.store.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.ErrorKind;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.protocol.WireOptions;
import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Quorum counting, outcomes and read repair of the node logic, over a hand-stepped network. */
class CoordinatorTest {
  static final long TIMEOUT = 1000;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static FakeNetwork net(int size, UnaryOperator<NodeConfig> customize) {
    return new FakeNetwork(size, c -> customize.apply(c.withQuorum(Quorum.STRICT).withRequestTimeoutMs(TIMEOUT)));
  }

  static WireOptions opts(int w, int r) {
    return new WireOptions(w, r, null, 0);
  }

  long put(FakeNetwork net, String node, String key, String value, WireOptions o) {
    return net.request(node, new ClientRequest.Put(net.nextId(), key, value == null ? null : b(value), new byte[0], o));
  }

  long get(FakeNetwork net, String node, String key, WireOptions o) {
    return net.request(node, new ClientRequest.Get(net.nextId(), key, o));
  }

  static List<String> values(ClientReply reply) {
    assertThat(reply).isInstanceOf(ClientReply.GetOk.class);
    return ((ClientReply.GetOk) reply).siblings().stream().map(v -> new String(v, StandardCharsets.UTF_8)).sorted().toList();
  }

  static ErrorKind error(ClientReply reply) {
    assertThat(reply).isInstanceOf(ClientReply.Error.class);
    return ((ClientReply.Error) reply).kind();
  }

  @Test
  void aPutSucceedsAtWAcksEvenWhenOneReplicaNeverAnswers() {
    FakeNetwork net = net(3, c -> c);
    net.drop = e -> e.to().equals("n3");
    long client = put(net, "n1", "k", "v", WireOptions.DEFAULTS);
    net.deliverAll();
    ClientReply reply = net.reply(client);
    assertThat(reply).isInstanceOf(ClientReply.PutOk.class);
    assertThat(((ClientReply.PutOk) reply).acks()).isEqualTo(2);
    assertThat(net.localValues("n2", "k")).containsExactly("v");
    assertThat(net.localValues("n3", "k")).isEmpty();
  }

  @Test
  void aPutShortOfWAcksAtTheTimeoutIsIndeterminateNotFailed() {
    FakeNetwork net = net(3, c -> c);
    net.drop = e -> e.message() instanceof PeerMessage.ReplicaWriteAck;
    long client = put(net, "n1", "k", "v", WireOptions.DEFAULTS);
    net.deliverAll();
    assertThat(net.reply(client)).isNull();
    net.advance(TIMEOUT);
    assertThat(error(net.reply(client))).isEqualTo(ErrorKind.INDETERMINATE);
    // Indeed applied: the replicas wrote it, only their acks were lost.
    assertThat(net.localValues("n2", "k")).containsExactly("v");
  }

  @Test
  void aPutWithFewerThanWLiveReplicasIsUnavailableAndSendsNothing() {
    FakeNetwork net = net(3, c -> c);
    net.down.add("n2");
    net.down.add("n3");
    long client = put(net, "n1", "k", "v", WireOptions.DEFAULTS);
    assertThat(error(net.reply(client))).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(net.inFlight).isEmpty();
    assertThat(net.localValues("n1", "k")).isEmpty();
    // W=1 is reachable with n1 alone.
    long ok = put(net, "n1", "k", "v", opts(1, 0));
    assertThat(net.reply(ok)).isInstanceOf(ClientReply.PutOk.class);
  }

  @Test
  void perRequestWOverridesTheDefault() {
    FakeNetwork net = net(3, c -> c);
    net.drop = e -> e.to().equals("n3");
    long w3 = put(net, "n1", "k", "v", opts(3, 0));
    net.deliverAll();
    assertThat(net.reply(w3)).isNull();
    net.advance(TIMEOUT);
    assertThat(error(net.reply(w3))).isEqualTo(ErrorKind.INDETERMINATE);
    long w1 = put(net, "n1", "k2", "v", opts(1, 0));
    assertThat(net.reply(w1)).isInstanceOf(ClientReply.PutOk.class); // the coordinator's own write suffices
  }

  @Test
  void impossibleQuorumsAndOversizedValuesAreInvalid() {
    FakeNetwork net = net(3, c -> c.withMaxValueBytes(10));
    assertThat(error(net.reply(put(net, "n1", "k", "v", opts(4, 0))))).isEqualTo(ErrorKind.INVALID);
    assertThat(error(net.reply(get(net, "n1", "k", opts(0, 4))))).isEqualTo(ErrorKind.INVALID);
    assertThat(error(net.reply(put(net, "n1", "k", "eleven bytes", WireOptions.DEFAULTS)))).isEqualTo(ErrorKind.INVALID);
    assertThat(error(net.reply(get(net, "n1", "", WireOptions.DEFAULTS)))).isEqualTo(ErrorKind.INVALID);
    long badContext = net.request("n1", new ClientRequest.Put(net.nextId(), "k", b("v"), new byte[] {5, 1}, WireOptions.DEFAULTS));
    assertThat(error(net.reply(badContext))).isEqualTo(ErrorKind.INVALID);
    assertThat(net.inFlight).isEmpty();
  }

  @Test
  void aGetThatTimesOutIsDefinite() {
    FakeNetwork net = net(3, c -> c);
    net.drop = e -> e.message() instanceof PeerMessage.ReplicaReadReply;
    long client = get(net, "n1", "k", WireOptions.DEFAULTS);
    net.deliverAll();
    assertThat(net.reply(client)).isNull();
    net.advance(TIMEOUT);
    ClientReply reply = net.reply(client);
    assertThat(error(reply)).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(((ClientReply.Error) reply).message()).contains("1 of r=2");
  }

  @Test
  void aGetAnswersAtRRepliesWithEveryConcurrentSibling() {
    FakeNetwork net = net(3, c -> c);
    put(net, "n1", "k", "a", WireOptions.DEFAULTS);
    put(net, "n2", "k", "b", WireOptions.DEFAULTS);
    net.deliverAll();
    long client = get(net, "n3", "k", opts(0, 3));
    net.deliverAll();
    assertThat(values(net.reply(client))).containsExactly("a", "b");
    assertThat(((ClientReply.GetOk) net.reply(client)).replies()).isEqualTo(3);
    assertThat(net.nodes.get("n3").pendingOperations()).isZero();
  }

  @Test
  void aPutWithTheGetsContextResolvesTheSiblings() {
    FakeNetwork net = net(3, c -> c);
    put(net, "n1", "k", "a", WireOptions.DEFAULTS);
    put(net, "n2", "k", "b", WireOptions.DEFAULTS);
    net.deliverAll();
    long read = get(net, "n3", "k", opts(0, 3));
    net.deliverAll();
    byte[] context = ((ClientReply.GetOk) net.reply(read)).context();
    net.request("n3", new ClientRequest.Put(net.nextId(), "k", b("merged"), context, WireOptions.DEFAULTS));
    net.deliverAll();
    for (String n : List.of("n1", "n2", "n3")) {
      assertThat(net.localValues(n, "k")).containsExactly("merged");
    }
  }

  /** Makes n3 miss a write (dropped), leaving it stale. */
  FakeNetwork withStaleN3(ReadRepair mode) {
    FakeNetwork net = net(3, c -> c.withReadRepair(mode));
    net.drop = e -> e.to().equals("n3");
    put(net, "n1", "k", "v", WireOptions.DEFAULTS);
    net.deliverAll();
    net.drop = e -> false;
    assertThat(net.localValues("n3", "k")).isEmpty();
    return net;
  }

  @Test
  void readRepairOffLeavesTheStaleReplicaStale() {
    FakeNetwork net = withStaleN3(ReadRepair.OFF);
    long client = get(net, "n1", "k", opts(0, 3));
    net.deliverAll();
    net.advance(TIMEOUT * 2);
    assertThat(values(net.reply(client))).containsExactly("v");
    assertThat(net.localValues("n3", "k")).isEmpty();
  }

  @Test
  void asyncReadRepairHealsAfterAnswering() {
    FakeNetwork net = withStaleN3(ReadRepair.ASYNC);
    boolean[] staleWhenAnswered = {false};
    net.onReply = r -> staleWhenAnswered[0] = net.localValues("n3", "k").isEmpty();
    long client = get(net, "n1", "k", opts(0, 2));
    net.deliverAll();
    assertThat(values(net.reply(client))).containsExactly("v");
    assertThat(staleWhenAnswered[0]).isTrue();
    assertThat(net.localValues("n3", "k")).containsExactly("v");
    assertThat(net.nodes.get("n1").pendingOperations()).isZero();
  }

  @Test
  void asyncReadRepairStillRepairsWhenAReplicaNeverAnswers() {
    FakeNetwork net = net(4, c -> c.withReadRepair(ReadRepair.ASYNC));
    String key = keyOwnedBy(net, List.of("n1", "n2", "n3"));
    net.drop = e -> e.to().equals("n3");
    put(net, "n1", key, "v", WireOptions.DEFAULTS);
    net.deliverAll();
    // n2 will not answer the get; n3 answers stale and must be repaired once the timeout fires.
    net.drop = e -> e.from().equals("n2") && e.message() instanceof PeerMessage.ReplicaReadReply;
    long client = get(net, "n1", key, opts(0, 2));
    net.deliverAll();
    assertThat(values(net.reply(client))).containsExactly("v");
    assertThat(net.localValues("n3", key)).isEmpty();
    net.advance(TIMEOUT);
    assertThat(net.localValues("n3", key)).containsExactly("v");
  }

  @Test
  void blockingReadRepairHasWReplicasHoldTheValueBeforeAnswering() {
    FakeNetwork net = net(3, c -> c.withReadRepair(ReadRepair.BLOCKING));
    // Only n1 gets the write (W=1); n2 and n3 are stale.
    net.drop = e -> !e.to().equals("n1");
    put(net, "n1", "k", "v", opts(1, 0));
    net.deliverAll();
    net.drop = e -> false;
    int[] holdersWhenAnswered = {-1};
    net.onReply = r -> holdersWhenAnswered[0] = (int) List.of("n1", "n2", "n3").stream()
        .filter(n -> !net.localValues(n, "k").isEmpty()).count();
    long client = get(net, "n2", "k", opts(2, 3));
    net.deliverAll();
    assertThat(values(net.reply(client))).containsExactly("v");
    assertThat(holdersWhenAnswered[0]).isGreaterThanOrEqualTo(2);
    assertThat(net.localValues("n3", "k")).containsExactly("v");
  }

  @Test
  void blockingReadRepairWithoutWriteBackAcksDoesNotAnswer() {
    FakeNetwork net = net(3, c -> c.withReadRepair(ReadRepair.BLOCKING));
    net.drop = e -> !e.to().equals("n1");
    put(net, "n1", "k", "v", opts(1, 0));
    net.deliverAll();
    // The coordinator's own write-back makes two holders (n1, n2); W=3 needs n3's lost ack.
    net.drop = e -> e.message() instanceof PeerMessage.ReplicaWriteAck;
    long client = get(net, "n2", "k", opts(3, 3));
    net.deliverAll();
    assertThat(net.reply(client)).isNull();
    net.advance(TIMEOUT);
    assertThat(error(net.reply(client))).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(((ClientReply.Error) net.reply(client)).message()).contains("write-back");
  }

  @Test
  void lwwKeepsOnlyOneOfTwoConcurrentWrites() {
    FakeNetwork net = net(3, c -> c.withConflicts(ConflictMode.LWW));
    put(net, "n1", "k", "first", WireOptions.DEFAULTS);
    net.advance(5);
    put(net, "n2", "k", "second", WireOptions.DEFAULTS);
    net.deliverAll();
    long client = get(net, "n3", "k", opts(0, 3));
    net.deliverAll();
    assertThat(values(net.reply(client))).containsExactly("second");
  }

  @Test
  void abdPutsReadTheHighestTagFirstAndGetsReturnTheLatest() {
    FakeNetwork net = net(3, c -> c.withConflicts(ConflictMode.ABD).withReadRepair(ReadRepair.BLOCKING));
    put(net, "n1", "k", "one", WireOptions.DEFAULTS);
    net.deliverAll();
    net.delivered.clear();
    put(net, "n2", "k", "two", WireOptions.DEFAULTS);
    net.deliverAll();
    // A tag read precedes every write.
    List<String> kinds = net.delivered.stream().filter(e -> e.from().equals("n2"))
        .map(e -> e.message().getClass().getSimpleName()).distinct().toList();
    assertThat(kinds).containsExactly("ReplicaRead", "ReplicaWrite");
    assertThat(net.local("n3", "k").versions().get(0).counter()).isEqualTo(2);
    long client = get(net, "n3", "k", WireOptions.DEFAULTS);
    net.deliverAll();
    assertThat(values(net.reply(client))).containsExactly("two");
  }

  @Test
  void anAbdPutWhoseTagReadTimesOutIsDefiniteAndWroteNothing() {
    FakeNetwork net = net(3, c -> c.withConflicts(ConflictMode.ABD));
    net.drop = e -> e.message() instanceof PeerMessage.ReplicaReadReply;
    long client = put(net, "n1", "k", "v", WireOptions.DEFAULTS);
    net.deliverAll();
    net.advance(TIMEOUT);
    assertThat(error(net.reply(client))).isEqualTo(ErrorKind.UNAVAILABLE);
    for (String n : List.of("n1", "n2", "n3")) {
      assertThat(net.local(n, "k").isEmpty()).isTrue();
    }
  }

  @Test
  void aSiblingsPutAtANonReplicaIsForwardedToAReplica() {
    FakeNetwork net = net(5, c -> c);
    String key = keyNotOwnedBy(net, "n1");
    long client = put(net, "n1", key, "v", WireOptions.DEFAULTS);
    net.deliverAll();
    assertThat(net.reply(client)).isInstanceOf(ClientReply.PutOk.class);
    assertThat(net.delivered.get(0).message()).isInstanceOf(PeerMessage.Forward.class);
    assertThat(net.local("n1", key).isEmpty()).isTrue();
    List<String> owners = net.nodes.get("n1").ring().preferenceList(key, 3);
    assertThat(owners.stream().filter(o -> !net.localValues(o, key).isEmpty()).count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void sloppyQuorumWritesToAFallbackWithAHintForTheDownOwner() {
    FakeNetwork net = new FakeNetwork(5, c -> c.withQuorum(Quorum.SLOPPY));
    String key = "some-key";
    Ring ring = net.nodes.get("n1").ring();
    List<String> walk = ring.walk(key);
    String downOwner = walk.get(1);
    String fallback = walk.get(3);
    net.down.add(downOwner);
    List<String> hinted = new java.util.ArrayList<>();
    net.nodes.get(fallback).setFallbackWrites((owner, k, merged) -> hinted.add(owner + "/" + k + "/" + merged.live().size()));
    long client = put(net, walk.get(0), key, "v", opts(3, 0));
    net.deliverAll();
    assertThat(net.reply(client)).isInstanceOf(ClientReply.PutOk.class);
    PeerMessage.ReplicaWrite toFallback = net.delivered.stream()
        .filter(e -> e.to().equals(fallback) && e.message() instanceof PeerMessage.ReplicaWrite)
        .map(e -> (PeerMessage.ReplicaWrite) e.message()).findFirst().orElseThrow();
    assertThat(toFallback.hintFor()).isEqualTo(downOwner);
    assertThat(hinted).containsExactly(downOwner + "/" + key + "/1");
    // Strict quorum refuses the same W=3 write outright.
    long strict = net.request(walk.get(0), new ClientRequest.Put(net.nextId(), key, b("v"), new byte[0],
        new WireOptions(3, 0, Quorum.STRICT, 0)));
    assertThat(error(net.reply(strict))).isEqualTo(ErrorKind.UNAVAILABLE);
  }

  static String keyOwnedBy(FakeNetwork net, List<String> owners) {
    Ring ring = net.nodes.get("n1").ring();
    for (int i = 0; ; i++) {
      String key = "key-" + i;
      if (ring.preferenceList(key, owners.size()).equals(owners)) {
        return key;
      }
    }
  }

  static String keyNotOwnedBy(FakeNetwork net, String node) {
    Ring ring = net.nodes.get("n1").ring();
    for (int i = 0; ; i++) {
      String key = "key-" + i;
      if (!ring.preferenceList(key, 3).contains(node)) {
        return key;
      }
    }
  }

  @Test
  void anOperationAnswersOnceAndASecondAnswerTripsAnAssertion() {
    // The node never times out an operation that finished; doing so by hand is the illegal transition.
    FakeNetwork net = net(3, c -> c);
    Node n1 = net.nodes.get("n1");
    List<String> replicas = List.of("n1", "n2", "n3");
    Targets targets = new Targets(replicas, java.util.Map.of(), replicas);
    Coordinator.Effective eff = new Coordinator.Effective(3, 2, 2, Quorum.STRICT, TIMEOUT);
    PutOperation put = new PutOperation(99, n1, new ReplyTo.Client(new ClientRef(42)),
        new ClientRequest.Put(2, "k", b("v"), new byte[0], WireOptions.DEFAULTS), io.quorumlab.store.version.VersionVector.EMPTY,
        targets, eff);
    n1.begin(put, TIMEOUT);
    net.deliverAll();
    assertThat(net.reply(42)).isInstanceOf(ClientReply.PutOk.class);
    assertThatThrownBy(put::onTimeout).isInstanceOf(AssertionError.class).hasMessageContaining("answers twice");
  }
}
