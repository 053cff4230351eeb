package io.quorumlab.checkers.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads a history written one operation per line (Jepsen's history.edn, our history.jsonl) as a
 * stream of chunks of whole lines, parsed in parallel and joined in order, so that a history of
 * any size (files over 2 GB included) is read at the speed of the cores, holding only the ops and a
 * few chunks of text. Each line is read by the {@link FastLineParser}, or when it is outside the
 * fast path's subset, by the full EDN or JSON library. The first bad line stops the read with its
 * line number as soon as the chunks before it are joined.
 *
 * <p>A line that is not one whole form (a map spread over lines) is a {@link NotLineShaped}: the
 * caller reads such a file whole instead, as before, when it is small enough to.
 */
final class LineChunks {
  /** The file is not one form per line; {@link #line} is where that showed. */
  static final class NotLineShaped extends Exception {
    final long line;
    final String reason;

    NotLineShaped(long line, String reason) {
      super(reason, null, false, false);
      this.line = line;
      this.reason = reason;
    }
  }

  /** The ops of one chunk, lines counted from the chunk's first. */
  private static final class Chunk {
    Op[] ops = new Op[1024];
    int[] lines = new int[1024];
    boolean[] indexed = new boolean[1024];
    int count;
    int lineCount;
    /** The line (within the chunk) and reason of the first problem, or null. */
    HistoryParseException error;
    boolean syntax;

    void add(Op op, int line, boolean hasIndex) {
      if (count == ops.length) {
        ops = Arrays.copyOf(ops, count * 2);
        lines = Arrays.copyOf(lines, count * 2);
        indexed = Arrays.copyOf(indexed, count * 2);
      }
      ops[count] = op;
      lines[count] = line;
      indexed[count] = hasIndex;
      count++;
    }
  }

  private LineChunks() {}

  /**
   * @param start the offset of the first byte to read (past a byte order mark)
   * @param progress told the bytes read so far, now and then
   * @throws NotLineShaped when a line is not one whole form (the caller may read the file whole)
   * @throws HistoryParseException on the first bad line
   */
  static History read(FileChannel ch, long start, HistoryFormat format, Path file, LongConsumer progress)
      throws IOException, NotLineShaped {
    boolean json = format == HistoryFormat.JSONL;
    long estimate = Math.min(Integer.MAX_VALUE - 16, Math.max(16, (ch.size() - start) / 120));
    List<Op> ops = new ArrayList<>((int) estimate);
    long[][] lines = {new long[(int) Math.min(estimate, 1 << 20)]};
    long[] baseLine = {0};
    ChunkedLines.read(ch, start, (buf, end) -> parse(buf, end, json, file), c -> {
      lines[0] = join(c, ops, lines[0], baseLine[0], file);
      baseLine[0] += c.lineCount;
    }, progress);
    long[] exact = Arrays.copyOf(lines[0], ops.size());
    return new History(ops, Pairing.pair(ops, i -> exact[i], file), exact, file);
  }

  /** The most of a file's end {@link #checkLastLine} reads to find its last line. */
  private static final int TAIL = 1 << 20;

  /**
   * Reads the file's last line before anything else, so that a truncated or cut-off big file
   * fails in seconds rather than after every chunk before its end is parsed. Only the line number
   * costs a pass over the file, and only when the last line is bad. A last line longer than
   * {@link #TAIL} is left to the ordinary read.
   *
   * @throws HistoryParseException naming the last line when it is not one whole operation
   */
  static void checkLastLine(FileChannel ch, long start, HistoryFormat format, Path file) throws IOException {
    long size = ch.size();
    int n = (int) Math.min(TAIL, size - start);
    long from = size - n;
    byte[] tail = new byte[n];
    ByteBuffer bb = ByteBuffer.wrap(tail);
    while (bb.hasRemaining() && ch.read(bb, from + bb.position()) >= 0) {
      // fill the tail
    }
    int end = n;
    while (end > 0 && blank(tail[end - 1])) end--;
    if (end == 0) return;
    int lineStart = end;
    while (lineStart > 0 && tail[lineStart - 1] != '\n') lineStart--;
    if (lineStart == 0 && from > start) return; // longer than the tail: the ordinary read judges it
    byte[] line = Arrays.copyOfRange(tail, lineStart, end);
    Chunk c = parse(line, line.length, format == HistoryFormat.JSONL, file);
    if (c.error == null) return;
    long lineNo = countNewlines(ch, start, from + lineStart) + 1;
    throw c.error.at(file, lineNo);
  }

  private static boolean blank(byte c) {
    return c == '\n' || c == '\r' || c == ' ' || c == '\t';
  }

  /** The newlines in {@code [from, to)} of the file. */
  private static long countNewlines(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(ChunkedLines.CHUNK);
    byte[] a = bb.array();
    long count = 0;
    for (long at = from; at < to; ) {
      bb.clear();
      bb.limit((int) Math.min(ChunkedLines.CHUNK, to - at));
      int got = ch.read(bb, at);
      if (got <= 0) break;
      for (int i = 0; i < got; i++) if (a[i] == '\n') count++;
      at += got;
    }
    return count;
  }

  /** Adds a parsed chunk to the ops, numbering its lines from {@code baseLine}. */
  private static long[] join(Chunk c, List<Op> ops, long[] lines, long baseLine, Path file) throws NotLineShaped {
    if (c.error != null) {
      long line = baseLine + c.error.line();
      if (c.syntax) throw new NotLineShaped(line, c.error.reason());
      throw c.error.at(file, line);
    }
    if (ops.size() + c.count > lines.length) lines = Arrays.copyOf(lines, Math.max(lines.length * 2, ops.size() + c.count));
    for (int i = 0; i < c.count; i++) {
      int position = ops.size();
      Op op = c.ops[i];
      ops.add(c.indexed[i] ? op : op.withIndex(position));
      lines[position] = baseLine + c.lines[i];
    }
    return lines;
  }

  /** Parses the lines of {@code buf[0..end)}; stops at the first bad one, recording it. */
  private static Chunk parse(byte[] buf, int end, boolean json, Path file) {
    Chunk c = new Chunk();
    FastLineParser fast = new FastLineParser(json);
    int from = 0;
    int line = 0;
    while (from < end) {
      int to = from;
      while (to < end && buf[to] != '\n') to++;
      line++;
      try {
        Object v = fast.parseLine(buf, from, to);
        if (v == FastLineParser.UNSUPPORTED) {
          for (Object form : slowForms(buf, from, to, json, line)) add(c, form, line, file);
        } else if (v != null) {
          add(c, v, line, file);
        }
      } catch (SyntaxError e) {
        c.error = new HistoryParseException(null, line, e.getMessage());
        c.syntax = true;
        return c;
      } catch (HistoryParseException e) {
        c.error = new HistoryParseException(null, line, e.reason());
        return c;
      }
      from = to + 1;
    }
    c.lineCount = line;
    return c;
  }

  /**
   * The ops written on one line, read exactly as {@link #read} reads them (blank: none), or null
   * when the line is not whole ops.
   */
  static List<Op> opsOfLine(FastLineParser fast, byte[] buf, int from, int to, boolean json, Path file) {
    try {
      Object v = fast.parseLine(buf, from, to);
      List<Object> forms = v == FastLineParser.UNSUPPORTED ? slowForms(buf, from, to, json, 0) : v == null ? List.of() : List.of(v);
      List<Op> ops = new ArrayList<>(forms.size());
      for (Object form : forms) {
        if (!(form instanceof Map<?, ?> map)) return null;
        ops.add(OpFields.toOp(map, 0, file, 0));
      }
      return ops;
    } catch (SyntaxError | HistoryParseException e) {
      return null;
    }
  }

  private static void add(Chunk c, Object form, int line, Path file) throws SyntaxError {
    if (!(form instanceof Map<?, ?> map)) throw new SyntaxError("expected one operation (a map) per line, found " + OpFields.describe(form));
    c.add(OpFields.toOp(map, 0, file, line), line, map.containsKey(OpFields.INDEX));
  }

  /** A line the full library could not read as whole forms. */
  private static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** The forms on one line, read by edn-java or Jackson. */
  private static List<Object> slowForms(byte[] buf, int from, int to, boolean json, int line) throws SyntaxError {
    String text = FastLineParser.decodeStrictly(buf, from, to - from);
    if (text == null) throw new HistoryParseException(null, line, "not UTF-8 text");
    if (json) return jsonForms(text);
    try {
      return EdnCodec.readForms(text);
    } catch (HistoryParseException e) {
      throw new SyntaxError(e.reason());
    }
  }

  private static List<Object> jsonForms(String text) throws SyntaxError {
    List<Object> forms = new ArrayList<>(1);
    try (JsonParser p = JsonlCodec.MAPPER.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) forms.add(JsonlCodec.value(p));
    } catch (JsonProcessingException e) {
      throw new SyntaxError("JSON syntax error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SyntaxError(e.getMessage());
    }
    return forms;
  }
}
