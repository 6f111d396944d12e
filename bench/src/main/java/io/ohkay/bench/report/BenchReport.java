package io.ohkay.bench.report;

/** A finished run's report, as {@link ResultFiles} saves it. */
public sealed interface BenchReport
    permits E2eReport,
        SigninReport,
        ProjectorReport,
        HistoryReport,
        FanoutReport,
        ResumeReport,
        SlowReaderReport {

  /** The scenario's name, the files' prefix ({@code e2e}, {@code signin}). */
  String scenario();

  /** When the run started (ISO-8601). */
  String startedAt();

  /** The report as printed. */
  String markdown();

  /** One row per measured step, after a header row. */
  String csv();
}
