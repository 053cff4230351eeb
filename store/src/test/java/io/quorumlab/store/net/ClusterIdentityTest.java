package io.quorumlab.store.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.testing.InJvmCluster;
import io.quorumlab.store.version.DottedSiblings;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionVector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a node of the same cluster (name, and proof of the shared secret) is taken for a peer. */
class ClusterIdentityTest {
  @TempDir Path dir;

  private static final ClusterIdentity LAB = new ClusterIdentity("lab", "s3cret");

  @Test
  void aHelloIsAcceptedOnlyWithTheClustersNameAndAProofOfItsSecret() {
    assertThat(LAB.refusal(LAB.hello("n9"))).isEmpty();
    assertThat(LAB.refusal(new ClusterIdentity("other", "s3cret").hello("n9"))).get().asString()
        .contains("of cluster 'other', but this node is in cluster 'lab'");
    assertThat(LAB.refusal(new ClusterIdentity("lab", "guess").hello("n9"))).get().asString().contains("wrong proof");
    assertThat(LAB.refusal(new ClusterIdentity("lab", "").hello("n9"))).get().asString().contains("without the cluster's secret");
    assertThat(new ClusterIdentity("lab", "").refusal(LAB.hello("n9"))).get().asString().contains("this node has none");
    // A proof is bound to the id it was made for: n1's hello does not pass as n2's.
    PeerMessage.Hello n1 = LAB.hello("n1");
    assertThat(LAB.refusal(new PeerMessage.Hello("n2", "lab", n1.proof()))).get().asString().contains("wrong proof");
    assertThat(new ClusterIdentity("lab", null).refusal(new ClusterIdentity("lab", "").hello("n9"))).isEmpty();
  }

  @Test
  void aStrayProcessThatSaysHelloCannotWriteToANode() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(2, dir, c -> c.withFsync(FsyncPolicy.NEVER).withN(2).withW(2).withR(2)
        .withCluster("lab", "s3cret"))) {
      // The cluster's own nodes prove the secret to each other: a W=2 put needs both.
      cluster.client("n1").put("k", "v".getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS);
      int port = cluster.config("n1").port();
      Siblings state = DottedSiblings.INSTANCE.put(Siblings.EMPTY, "n9", VersionVector.EMPTY,
          "intruder".getBytes(StandardCharsets.UTF_8), 1).state();

      for (PeerMessage.Hello stranger : new PeerMessage.Hello[] {
          new ClusterIdentity("other", "s3cret").hello("n9"),   // a node of another cluster
          new ClusterIdentity("lab", "").hello("n9"),           // right name, no secret
          new ClusterIdentity("lab", "guess").hello("n2"),      // claims to be a member, wrong secret
      }) {
        try (RawConnection c = new RawConnection(port)) {
          c.send(stranger, new PeerMessage.ReplicaWrite(0, "stray", state, null));
          assertThat(c.closedWithin(2000)).as("connection of %s/%s", stranger.cluster(), stranger.nodeId()).isTrue();
        }
      }
      // One that knows the secret is a peer (a joining node introduces itself just so).
      try (RawConnection c = new RawConnection(port)) {
        c.send(LAB.hello("n9"), new PeerMessage.ReplicaWrite(0, "welcome", state, null));
        assertThat(c.closedWithin(300)).isFalse();
      }
      assertThat(cluster.server("n1").localState("stray").isEmpty()).isTrue();
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (cluster.server("n1").localState("welcome").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
      assertThat(cluster.server("n1").localState("welcome").isEmpty()).isFalse();
      assertThat(cluster.client("n2").get("k", RequestOptions.DEFAULTS).siblings()).hasSize(1);
    }
  }
}
