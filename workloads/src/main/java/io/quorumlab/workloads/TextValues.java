package io.quorumlab.workloads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How workloads store their values: decimal text, lists as comma-separated decimals ("1,2,3", the
 * empty list as ""). Compact, and readable with {@code quorumlab kv get}.
 */
public final class TextValues {
  private TextValues() {}

  public static byte[] encodeLong(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] encodeList(Collection<Long> values) {
    StringBuilder sb = new StringBuilder(values.size() * 6);
    for (Long v : values) {
      if (sb.length() > 0) sb.append(',');
      sb.append(v);
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** @throws IllegalArgumentException when the bytes are not one decimal integer */
  public static long decodeLong(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.US_ASCII);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("stored value is not an integer: '" + abbreviate(s) + "'");
    }
  }

  /** @throws IllegalArgumentException when the bytes are not comma-separated decimal integers */
  public static List<Long> decodeList(byte[] bytes) {
    List<Long> result = new ArrayList<>();
    if (bytes.length == 0) return result;
    String s = new String(bytes, StandardCharsets.US_ASCII);
    try {
      for (String part : s.split(",", -1)) result.add(Long.parseLong(part));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("stored value is not a list of integers: '" + abbreviate(s) + "'");
    }
    return result;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
