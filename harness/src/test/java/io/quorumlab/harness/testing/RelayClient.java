package io.quorumlab.harness.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;

/** Talks to a {@link RelayNode} directly (as a client does), one request at a time. */
public final class RelayClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  public RelayClient(InetSocketAddress address, int timeoutMs) throws IOException {
    socket = new Socket();
    socket.connect(address, timeoutMs);
    socket.setSoTimeout(timeoutMs);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
  }

  /** The answer, or null when none came within the timeout. */
  public String call(String msg) throws IOException {
    RelayNode.write(out, msg);
    try {
      return RelayNode.read(in);
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  public List<String> notes() throws IOException {
    String s = call("notes");
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
