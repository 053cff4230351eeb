package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.RunSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code quorumlab run} command line that runs a spec again: every entry of the spec's map
 * ({@link RunSpec#toMap}, which is spelt like the options) that {@code run} takes as an option, so
 * that a new setting needs no change here. Used to print how to reproduce a seed of {@code explore}.
 */
final class RunCommandLine {
  private static final String PLAIN = "[A-Za-z0-9._,:/+=@%-]+";

  private RunCommandLine() {}

  /** The arguments after {@code run}, each one argument (unquoted). */
  static List<String> args(RunSpec spec) {
    CommandLine.Model.CommandSpec run = new CommandLine(new RunCommand()).getCommandSpec();
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : spec.toMap().entrySet()) {
      OptionSpec option = run.findOption("--" + e.getKey());
      if (option == null || e.getValue() == null) continue;
      if (option.typeInfo().isBoolean()) {
        if (Boolean.TRUE.equals(e.getValue())) out.add("--" + e.getKey());
        continue;
      }
      out.add("--" + e.getKey());
      out.add(text(e.getValue()));
    }
    return out;
  }

  /** {@code ./quorumlab run --backend sim ...}, quoted for a POSIX shell where needed. */
  static String of(RunSpec spec) {
    StringBuilder b = new StringBuilder("./quorumlab run");
    for (String a : args(spec)) b.append(' ').append(a.matches(PLAIN) ? a : "'" + a.replace("'", "'\\''") + "'");
    return b.toString();
  }

  private static String text(Object v) {
    if (v instanceof Double || v instanceof Float) return BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros().toPlainString();
    return v.toString();
  }
}
