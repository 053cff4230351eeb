package io.quorumlab.harness.cluster.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameProxyTest {
  private static final Link AB = new Link("a", "b");
  private static final Link BA = new Link("b", "a");

  private FrameEchoServer echo;
  private ProxyGroup proxies;

  @BeforeEach
  void setUp() throws Exception {
    echo = new FrameEchoServer();
    // "b" is the echo server; "a" reaches it through the proxy of a->b.
    proxies = new ProxyGroup(List.of("a", "b"), node -> echo.address());
  }

  @AfterEach
  void tearDown() throws Exception {
    proxies.close();
    echo.close();
  }

  private Socket connectAtoB() throws IOException {
    Socket s = new Socket("127.0.0.1", proxies.port(AB));
    s.setTcpNoDelay(true);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }

  /** The next frame, waiting up to 5 s (a loaded machine is slow, not lossy). */
  private static String receive(Socket s) throws IOException {
    return receive(s, 5000);
  }

  /** True when no frame arrives within {@code ms}: what a cut looks like to the sender. */
  private static boolean silentFor(Socket s, int ms) throws IOException {
    return receive(s, ms) == null;
  }

  private static String receive(Socket s, int timeoutMs) throws IOException {
    s.setSoTimeout(timeoutMs);
    DataInputStream in = new DataInputStream(s.getInputStream());
    try {
      int len = in.readInt();
      return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  @Test
  void forwardsWholeFramesBothWaysEvenWhenWrittenInPieces() throws Exception {
    try (Socket s = connectAtoB()) {
      send(s, "hello");
      assertThat(receive(s)).isEqualTo("hello");
      // One frame dribbled out a byte at a time arrives whole.
      byte[] payload = "x".repeat(3000).getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[4 + payload.length];
      frame[2] = (byte) (payload.length >> 8);
      frame[3] = (byte) payload.length;
      System.arraycopy(payload, 0, frame, 4, payload.length);
      for (int i = 0; i < frame.length; i += 700) {
        s.getOutputStream().write(frame, i, Math.min(700, frame.length - i));
        s.getOutputStream().flush();
        Thread.sleep(5);
      }
      assertThat(receive(s)).isEqualTo("x".repeat(3000));
    }
    assertThat(proxies.rules().forwarded(AB)).isEqualTo(2);
    assertThat(proxies.rules().forwarded(BA)).isEqualTo(2);
  }

  @Test
  void cuttingTheRequestDirectionDropsRequestsAndHealResumesTheSameConnection() throws Exception {
    try (Socket s = connectAtoB()) {
      send(s, "before");
      assertThat(receive(s)).isEqualTo("before");
      proxies.rules().cutExactly(Set.of(AB));
      send(s, "during");
      assertThat(silentFor(s, 500)).isTrue();
      assertThat(echo.framesReceived.get()).as("the cut request never reached b").isEqualTo(1);
      proxies.rules().cutExactly(Set.of());
      send(s, "after");
      assertThat(receive(s)).isEqualTo("after");
    }
    assertThat(proxies.rules().dropped(AB)).isEqualTo(1);
    assertThat(proxies.rules().dropped(BA)).isZero();
  }

  @Test
  void cuttingTheAnswerDirectionLetsRequestsThroughButNotAnswers() throws Exception {
    // "a cannot hear from b": b's frames to a are dropped, also on the connection a opened.
    proxies.rules().cutExactly(Link.cutBy(Map.of("a", Set.of("b"))));
    try (Socket s = connectAtoB()) {
      send(s, "one-way");
      assertThat(silentFor(s, 500)).isTrue();
      assertThat(echo.framesReceived.get()).isEqualTo(1);
    }
    assertThat(proxies.rules().dropped(BA)).isEqualTo(1);
    assertThat(proxies.rules().dropped(AB)).isZero();
  }

  @Test
  void delayHoldsFramesBackAndKeepsTheirOrder() throws Exception {
    try (Socket s = connectAtoB()) {
      // Jitter larger than the gap between frames must not reorder them.
      proxies.rules().slowExactly(List.of(AB), new Slowness(60, 40, 0, 0));
      for (int i = 0; i < 20; i++) send(s, "m" + i);
      for (int i = 0; i < 20; i++) assertThat(receive(s)).isEqualTo("m" + i);
      // A long delay shows in the round trip, and is gone once removed (margins far above load noise).
      proxies.rules().slowExactly(List.of(AB), new Slowness(400, 0, 0, 0));
      long t0 = System.nanoTime();
      send(s, "slow");
      assertThat(receive(s)).isEqualTo("slow");
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(400);
      proxies.rules().slowExactly(List.of(), Slowness.NONE);
      long t1 = System.nanoTime();
      send(s, "fast");
      assertThat(receive(s)).isEqualTo("fast");
      assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(400);
    }
  }

  @Test
  void lossDropsAboutThatFractionOfFrames() throws Exception {
    proxies.rules().slowExactly(List.of(AB), new Slowness(0, 0, 0.5, 0));
    try (Socket s = connectAtoB()) {
      for (int i = 0; i < 200; i++) send(s, "f" + i);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (proxies.rules().forwarded(AB) + proxies.rules().dropped(AB) < 200 && System.nanoTime() < deadline) Thread.sleep(10);
      long passed = proxies.rules().forwarded(AB);
      assertThat(passed + proxies.rules().dropped(AB)).isEqualTo(200);
      assertThat(passed).isBetween(60L, 140L);
      for (long i = 0; i < passed; i++) assertThat(receive(s)).startsWith("f");
      assertThat(silentFor(s, 300)).isTrue();
    }
  }

  @Test
  void rateLimitSpacesFramesOut() throws Exception {
    // 80 kbit/s: a 1000-byte frame takes 100 ms on the wire.
    proxies.rules().slowExactly(List.of(AB), new Slowness(0, 0, 0, 80));
    try (Socket s = connectAtoB()) {
      String big = "y".repeat(996);
      long t0 = System.nanoTime();
      for (int i = 0; i < 4; i++) send(s, big);
      for (int i = 0; i < 4; i++) assertThat(receive(s)).isEqualTo(big);
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(350);
    }
  }

  @Test
  void aDeadTargetClosesTheCallersConnection() throws Exception {
    echo.close();
    try (Socket s = connectAtoB()) {
      s.setSoTimeout(5000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }
}
