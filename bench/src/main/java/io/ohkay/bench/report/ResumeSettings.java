package io.ohkay.bench.report;

/**
 * How a resume run was configured.
 *
 * @param missed messages posted while the client is away, all of which the resume must replay
 * @param replays reconnections measured per source, each from the same cursor
 * @param postConcurrency posts in flight at once while the missed messages are posted
 */
public record ResumeSettings(int missed, int replays, int postConcurrency) {}
