package io.quorumlab.store.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.Codec;
import io.quorumlab.store.protocol.WireOptions;
import io.quorumlab.store.testing.InJvmCluster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer's frame of forwards nested 100,000 deep closes its connection; the node's I/O thread is unharmed. */
class NestedForwardTest {
  @TempDir Path dir;

  @Test
  void aDeeplyNestedForwardClosesItsConnectionAndTheNodeServesOn() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(1, dir, c -> c.withFsync(FsyncPolicy.NEVER).withN(1).withW(1).withR(1))) {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      for (int i = 0; i < 100_000; i++) {
        payload.write(0x26); // FORWARD
        payload.write(1);    // op 1
      }
      payload.writeBytes(Codec.encode(new ClientRequest.Get(1, "k", WireOptions.DEFAULTS)));
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(frame);
      d.writeInt(payload.size());
      d.write(payload.toByteArray());
      try (RawConnection c = new RawConnection(cluster.config("n1").port())) {
        c.send(ClusterIdentity.of(cluster.config("n1")).hello("n9"));
        c.sendRaw(frame.toByteArray());
        assertThat(c.closedWithin(5000)).isTrue();
      }
      assertThat(cluster.client("n1").ping()).isEqualTo("n1");
    }
  }
}
