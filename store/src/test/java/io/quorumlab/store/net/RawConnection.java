package io.quorumlab.store.net;

import io.quorumlab.store.protocol.Codec;
import io.quorumlab.store.protocol.Message;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** A plain socket to a node, for sending frames (or parts of frames) the real client never would. */
final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final DataOutputStream out;

  RawConnection(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    out = new DataOutputStream(socket.getOutputStream());
  }

  /** The messages as frames, in one write (so that none is lost to a close after the first). */
  RawConnection send(Message... messages) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    DataOutputStream frames = new DataOutputStream(bytes);
    for (Message m : messages) {
      byte[] payload = Codec.encode(m);
      frames.writeInt(payload.length);
      frames.write(payload);
    }
    return sendRaw(bytes.toByteArray());
  }

  /** A frame header announcing {@code length} bytes, and only the first {@code sent} of them. */
  RawConnection sendPartialFrame(int length, int sent) throws IOException {
    out.writeInt(length);
    out.write(new byte[sent]);
    out.flush();
    return this;
  }

  RawConnection sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** True when the node closed the connection (EOF or reset) within {@code millis}; false if it stayed open. */
  boolean closedWithin(long millis) throws IOException {
    socket.setSoTimeout((int) millis);
    InputStream in = socket.getInputStream();
    try {
      while (true) {
        if (in.read() == -1) return true;
      }
    } catch (SocketTimeoutException open) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
