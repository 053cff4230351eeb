package io.quorumlab.store.protocol;

import java.util.List;

/** The answer to a {@link ClientRequest} with the same {@code id}. */
public sealed interface ClientReply extends Message {
  long id();

  ClientReply withId(long id);

  record GetOk(long id, int replies, byte[] context, List<byte[]> siblings) implements ClientReply {
    @Override
    public ClientReply withId(long newId) {
      return new GetOk(newId, replies, context, siblings);
    }
  }

  record PutOk(long id, int acks, byte[] context) implements ClientReply {
    @Override
    public ClientReply withId(long newId) {
      return new PutOk(newId, acks, context);
    }
  }

  record Error(long id, ErrorKind kind, String message) implements ClientReply {
    @Override
    public ClientReply withId(long newId) {
      return new Error(newId, kind, message);
    }
  }

  record Pong(long id, String nodeId) implements ClientReply {
    @Override
    public ClientReply withId(long newId) {
      return new Pong(newId, nodeId);
    }
  }

  /** The answer to an {@link ClientRequest.Admin}: a JSON document. */
  record AdminOk(long id, String json) implements ClientReply {
    @Override
    public ClientReply withId(long newId) {
      return new AdminOk(newId, json);
    }
  }
}
