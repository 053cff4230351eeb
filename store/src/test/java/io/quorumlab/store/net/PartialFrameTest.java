package io.quorumlab.store.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeServer;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unfinished frames hold at most {@code maxInboundBytes} of a node's memory, a connection that
 * stalls mid-frame is closed after {@code frameTimeoutMs}, and an idle client connection after
 * {@code clientIdleTimeoutMs}; peers are never idle-closed.
 */
class PartialFrameTest {
  static final int MAX_FRAME = 256 * 1024;
  static final long BUDGET = 4L * MAX_FRAME;

  @TempDir Path dir;

  private InJvmCluster node(long frameTimeoutMs, long idleMs) throws Exception {
    return new InJvmCluster(1, dir, c -> c.withFsync(FsyncPolicy.NEVER).withN(1).withW(1).withR(1)
        .withMaxFrameBytes(MAX_FRAME).withMaxValueBytes(MAX_FRAME - 1024).toBuilder()
        .maxInboundBytes(BUDGET).frameTimeoutMs(frameTimeoutMs).clientIdleTimeoutMs(idleMs).build());
  }

  @Test
  void stalledFramesHoldAtMostTheBudgetAndAreClosedAfterTheFrameTimeout() throws Exception {
    try (InJvmCluster cluster = node(600, 0)) {
      NodeServer server = cluster.server("n1");
      int port = cluster.config("n1").port();
      List<RawConnection> stalled = new ArrayList<>();
      try {
        // Ten connections each announce a maximal frame, send a little of it and go quiet.
        for (int i = 0; i < 10; i++) stalled.add(new RawConnection(port).sendPartialFrame(MAX_FRAME, 1000));
        long maxHeld = 0;
        long deadline = System.nanoTime() + 8_000_000_000L;
        int closed = 0;
        for (RawConnection c : stalled) {
          while (!c.closedWithin(50)) {
            maxHeld = Math.max(maxHeld, server.inboundBytes());
            assertThat(System.nanoTime()).as("every stalled connection is closed in time").isLessThan(deadline);
          }
          closed++;
        }
        assertThat(closed).isEqualTo(10);
        assertThat(maxHeld).as("bytes held for unfinished frames").isPositive().isLessThanOrEqualTo(BUDGET);
        // The budget is given back on the server's event loop just after the close: wait for it.
        long released = System.nanoTime() + 5_000_000_000L;
        while (server.inboundBytes() != 0 && System.nanoTime() < released) Thread.sleep(5);
        assertThat(server.inboundBytes()).isZero();
      } finally {
        for (RawConnection c : stalled) c.close();
      }
      // A full-size value still goes through once the stalled connections are gone.
      NettyStoreClient client = cluster.client("n1");
      client.put("big", new byte[MAX_FRAME - 1024], Context.EMPTY, RequestOptions.DEFAULTS);
      assertThat(client.get("big", RequestOptions.DEFAULTS).siblings().get(0)).hasSize(MAX_FRAME - 1024);
    }
  }

  @Test
  void smallFramesPassLargeOnesThatWaitForRoomAndLargeOnesGoOnOnceRoomIsFree() throws Exception {
    try (InJvmCluster cluster = node(3000, 0)) {
      int port = cluster.config("n1").port();
      NodeServer server = cluster.server("n1");
      List<RawConnection> stalled = new ArrayList<>();
      NettyStoreClient client = NettyStoreClient.connect(new java.net.InetSocketAddress("127.0.0.1", port),
          io.quorumlab.store.client.ClientOptions.DEFAULTS.withRequestTimeoutMs(10_000));
      try {
        // Three maximal frames fill the share of the budget large frames may take (a quarter stays for small ones).
        for (int i = 0; i < 3; i++) stalled.add(new RawConnection(port).sendPartialFrame(MAX_FRAME, 10));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (server.inboundBytes() < 3L * MAX_FRAME && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(server.inboundBytes()).isEqualTo(3L * MAX_FRAME);

        assertThat(client.ping()).isEqualTo("n1");
        assertThat(stalled.get(0).closedWithin(1)).as("the ping did not wait for the stalled frames").isFalse();
        // A large put waits for room: it goes through once the stalled frames time out.
        client.put("big", new byte[MAX_FRAME - 1024], Context.EMPTY, RequestOptions.DEFAULTS.withTimeoutMs(10_000));
        assertThat(stalled.get(0).closedWithin(5_000)).as("the stalled frame was closed to make room").isTrue();
        assertThat(client.get("big", RequestOptions.DEFAULTS).siblings().get(0)).hasSize(MAX_FRAME - 1024);
      } finally {
        client.close();
        for (RawConnection c : stalled) c.close();
      }
    }
  }

  @Test
  void idleClientConnectionsAreClosedButPeersAndHalfHeadersAreTreatedByTheirOwnRules() throws Exception {
    try (InJvmCluster cluster = node(600, 1000)) {
      int port = cluster.config("n1").port();
      NodeConfig config = cluster.config("n1");
      long t0 = System.nanoTime();
      try (RawConnection idle = new RawConnection(port);
          RawConnection peer = new RawConnection(port);
          RawConnection halfHeader = new RawConnection(port)) {
        peer.send(ClusterIdentity.of(config).hello("n9"));
        halfHeader.sendRaw(new byte[] {0, 0});
        // Timing is only checked from below: on a loaded machine a close can come late, never early.
        assertThat(halfHeader.closedWithin(10_000)).as("a half header is a stalled frame").isTrue();
        assertThat(idle.closedWithin(10_000)).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms until the idle client was closed").isGreaterThanOrEqualTo(1000);
        assertThat(peer.closedWithin(1500)).as("an idle peer connection stays open").isFalse();
      }
      // A client that comes back after its connection was closed simply connects again.
      assertThat(cluster.client("n1").ping()).isEqualTo("n1");
    }
  }
}
