package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.RunSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code quorumlab run} command line that runs a spec again: {@code --backend}, {@code --seed} and
 * every other entry of the spec's map ({@link RunSpec#toMap}, which is spelt like the options) that
 * {@code run} takes as an option and whose value is not already {@code run}'s default on that
 * backend; so a new setting needs no change here. Used to print how to reproduce a seed of
 * {@code explore}.
 */
final class RunCommandLine {
  private static final String PLAIN = "[A-Za-z0-9._,:/+=@%-]+";
  private static final java.util.Set<String> ALWAYS = java.util.Set.of("backend", "seed");

  private RunCommandLine() {}

  /** The arguments after {@code run}, each one argument (unquoted). */
  static List<String> args(RunSpec spec) {
    CommandLine.Model.CommandSpec run = new CommandLine(new RunCommand()).getCommandSpec();
    Map<String, Object> defaults = defaults(spec.backend());
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : spec.toMap().entrySet()) {
      OptionSpec option = run.findOption("--" + e.getKey());
      if (option == null || e.getValue() == null) continue;
      if (!ALWAYS.contains(e.getKey()) && e.getValue().equals(defaults.get(e.getKey()))) continue;
      if (option.typeInfo().isBoolean()) {
        if (Boolean.TRUE.equals(e.getValue())) out.add("--" + e.getKey());
        continue;
      }
      out.add("--" + e.getKey());
      out.add(text(e.getValue()));
    }
    return out;
  }

  /** What {@code run --backend B} runs when given nothing else. */
  private static Map<String, Object> defaults(String backend) {
    RunCommand run = new RunCommand();
    new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--backend", backend, "--seed", "0");
    return run.toSpec().toMap();
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
