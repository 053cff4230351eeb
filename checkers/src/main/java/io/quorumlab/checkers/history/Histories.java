package io.quorumlab.checkers.history;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Reads and writes histories as JSON lines or Jepsen EDN. Reading validates the history (syntax,
 * types, pairing) and reports problems as {@link HistoryParseException} with file and line.
 */
public final class Histories {
  /** Some editors start UTF-8 files with U+FEFF; it is not part of the history. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private Histories() {}

  /**
   * Reads a history, choosing the format by extension (.edn, .jsonl, .json) or, for any other
   * extension (.txt), by its first characters: {@code {:} is EDN, {@code {"} is JSON.
   */
  public static History read(Path file) {
    return read(file, formatOf(file));
  }

  /**
   * The format of {@code file}: by its extension, else by its first characters.
   *
   * @throws HistoryParseException when neither tells
   */
  public static HistoryFormat formatOf(Path file) {
    return HistoryFormat.fromExtension(file).orElseGet(() -> sniff(file));
  }

  public static History read(Path file, HistoryFormat format) {
    return read(file, format, bytes -> {});
  }

  /**
   * Reads a history, telling {@code progress} how many bytes of the file it has read now and then.
   * A history written one operation per line (as Jepsen and quorumlab write them) is streamed and
   * parsed in parallel, whatever its size; one written as a single vector, list or array, or with
   * operations spread over lines, is read whole, up to {@link #WHOLE_LIMIT} bytes.
   */
  public static History read(Path file, HistoryFormat format, LongConsumer progress) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int start = linesStart(ch);
      if (start < 0) return readWhole(file, format, size);
      // a big file's last line is read first: a truncated file then fails at once
      if (size > SPREAD_LIMIT) LineChunks.checkLastLine(ch, start, format, file);
      try {
        return LineChunks.read(ch, start, format, file, progress);
      } catch (LineChunks.NotLineShaped e) {
        // a small file may spread its forms over lines (pretty-printed); a big one is refused at the line
        if (size <= SPREAD_LIMIT) return readWhole(file, format, size);
        throw new HistoryParseException(file, e.line, e.reason);
      }
    } catch (NoSuchFileException e) {
      throw new HistoryParseException(file, 0, "no such file");
    } catch (AccessDeniedException e) {
      throw new HistoryParseException(file, 0, "permission denied");
    } catch (IOException e) {
      throw new HistoryParseException(file, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * A list-append history in columns ({@link TxnColumns}), read in parallel chunks as
   * {@link #read(Path, HistoryFormat, LongConsumer)} reads its ops; empty when the file is not one
   * op per line, or some line does not fit the columns or is bad: then read it with {@link #read},
   * which judges it. A cut-off big file fails at once, as there.
   *
   * @throws HistoryParseException when the last line of a big file is not a whole op
   */
  public static java.util.Optional<TxnColumns> readTxnColumns(Path file, HistoryFormat format, LongConsumer progress) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int start = linesStart(ch);
      if (start < 0) return java.util.Optional.empty();
      if (ch.size() > SPREAD_LIMIT) LineChunks.checkLastLine(ch, start, format, file);
      return java.util.Optional.ofNullable(TxnColumns.read(ch, start, format, file, progress));
    } catch (IOException e) {
      return java.util.Optional.empty(); // the general reader says what is wrong with the file
    }
  }

  /** Where the file's lines start (past a byte order mark), or -1 when it is one collection of ops, read whole. */
  private static int linesStart(FileChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
    while (head.hasRemaining() && ch.read(head, head.position()) >= 0) {
      // fill the head
    }
    String text = new String(head.array(), 0, head.position(), StandardCharsets.UTF_8);
    if (wholeForm(text)) return -1;
    return text.startsWith(BYTE_ORDER_MARK) ? 3 : 0;
  }

  /**
   * A lower bound of what one op takes in memory: its index, time, process, type, f, key, value and
   * source line, with nothing for object headers or values. Held as objects, an op takes several
   * times this; the bound only has to be one that no history can beat.
   */
  private static final long BYTES_PER_OP = 8 + 8 + 8 + 1 + 4 + 4 + 4 + 8;

  /**
   * A lower bound of the heap that reading {@code file} needs: its ops (lines, estimated from the
   * length of the first lines) times what each op's columns take, values left out. A check whose
   * heap is smaller cannot succeed and can say so before reading; 0 when it cannot tell.
   */
  public static long minimumHeapBytes(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 1 << 16));
      while (head.hasRemaining() && ch.read(head, head.position()) >= 0) {
        // fill the head
      }
      // lines with something on them: blank lines hold no op
      int lines = 0;
      int lastNewline = -1;
      boolean content = false;
      for (int i = 0; i < head.position(); i++) {
        byte c = head.get(i);
        if (c == '\n') {
          if (content) lines++;
          content = false;
          lastNewline = i;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != ',') {
          content = true;
        }
      }
      if (lines < 2) return 0;
      double bytesPerLine = (lastNewline + 1) / (double) lines;
      return (long) (size / bytesPerLine * BYTES_PER_OP);
    } catch (IOException e) {
      return 0; // the reader says what is wrong with the file
    }
  }

  /** The most a history read whole may take: its text is held in memory, as a string. */
  static final long WHOLE_LIMIT = 512L << 20;

  /**
   * The most a file whose lines are not one form each is read whole again: beyond this, a line
   * that is not a whole form is an error at that line, found in seconds (a truncated big file).
   */
  static final long SPREAD_LIMIT = 16L << 20;

  /** Whether the text starts with a collection of ops ([...] or (...)) rather than the first op. */
  private static boolean wholeForm(String head) {
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') continue;
      return c == '[' || c == '(';
    }
    return false;
  }

  private static History readWhole(Path file, HistoryFormat format, long size) {
    if (size > WHOLE_LIMIT) {
      throw new HistoryParseException(file, 1, "this history is one " + (format == HistoryFormat.EDN ? "EDN collection" : "JSON array")
          + " of " + (size >> 20) + " MiB, which is read whole, and more than " + (WHOLE_LIMIT >> 20)
          + " MiB cannot be; write it one operation per line, as Jepsen does");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new HistoryParseException(file, 0, "no such file");
    } catch (AccessDeniedException e) {
      throw new HistoryParseException(file, 0, "permission denied");
    } catch (CharacterCodingException e) {
      throw new HistoryParseException(file, 0, "not UTF-8 text");
    } catch (IOException e) {
      throw new HistoryParseException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    return parse(text, format, file);
  }

  /**
   * Reads a history from {@code in}.
   *
   * @param source named in error messages, or null
   */
  public static History read(Reader in, HistoryFormat format, Path source) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 14];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) sb.append(buf, 0, n);
    return parse(sb.toString(), format, source);
  }

  /** Reads a history held in a string (tests, small tools). */
  public static History parse(String text, HistoryFormat format) {
    return parse(text, format, null);
  }

  /**
   * Reads a history held in a string.
   *
   * @param source named in error messages, or null
   */
  public static History parse(String text, HistoryFormat format, Path source) {
    if (text.startsWith(BYTE_ORDER_MARK)) text = text.substring(1);
    try {
      return switch (format) {
        case JSONL -> JsonlCodec.read(text, source);
        case EDN -> EdnCodec.read(text, source);
      };
    } catch (IOException e) {
      throw new HistoryParseException(source, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  public static void write(History history, Path file, HistoryFormat format) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(history, out, format);
    }
  }

  public static void write(History history, Writer out, HistoryFormat format) throws IOException {
    switch (format) {
      case JSONL -> JsonlCodec.write(history, out);
      case EDN -> EdnCodec.write(history, out);
    }
  }

  /** The history as text in {@code format}, one op per line. */
  public static String toString(History history, HistoryFormat format) {
    StringWriter out = new StringWriter();
    try {
      write(history, out, format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * A value written in EDN on its own ({@code 0}, {@code "x"}, {@code :x}, {@code nil},
   * {@code [1 2]}), as plain data like the values of a history read from EDN.
   *
   * @throws IllegalArgumentException when {@code text} is not exactly one EDN value
   */
  public static Object parseEdnValue(String text) {
    return EdnCodec.readValue(text);
  }

  /** A plain value in EDN, so that {@link #parseEdnValue} reads it back. */
  public static String toEdn(Object value) {
    return EdnCodec.printValue(value);
  }

  /** One op as one line (without the newline), for writers that stream a history as it happens. */
  public static String encode(Op op, HistoryFormat format) {
    return switch (format) {
      case JSONL -> JsonlCodec.encode(op);
      case EDN -> EdnCodec.encode(op);
    };
  }

  /**
   * Guesses the format from the file's first significant characters.
   *
   * @throws HistoryParseException when they fit neither format
   */
  public static HistoryFormat sniff(Path file) {
    char[] buf = new char[4096];
    int n;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      n = in.read(buf);
    } catch (NoSuchFileException e) {
      throw new HistoryParseException(file, 0, "no such file");
    } catch (IOException e) {
      throw new HistoryParseException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    HistoryFormat f = sniff(n < 0 ? "" : new String(buf, 0, n));
    if (f == null) {
      throw new HistoryParseException(file, 1, "cannot tell whether this is JSON lines or EDN from its first characters; name it .jsonl or .edn, or pass --format");
    }
    return f;
  }

  /**
   * The format that {@code head} (the start of a file) looks like, or null. Empty text is JSONL;
   * a list, a tag or a keyword is EDN.
   */
  static HistoryFormat sniff(String head) {
    int i = head.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
    int n = head.length();
    while (true) {
      while (i < n && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == ',')) i++;
      if (i < n && (head.charAt(i) == ';' || head.charAt(i) == '#')) return HistoryFormat.EDN;
      if (i == n) return HistoryFormat.JSONL;
      char c = head.charAt(i++);
      if (c == '(') return HistoryFormat.EDN;
      if (c == '[') continue;
      if (c != '{') return null;
      while (i < n && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == ',')) i++;
      if (i == n) return null;
      char d = head.charAt(i);
      return d == ':' ? HistoryFormat.EDN : d == '"' ? HistoryFormat.JSONL : null;
    }
  }
}
