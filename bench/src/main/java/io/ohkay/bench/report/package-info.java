/** Benchmark results: latency summaries, the "highest rate held" rule, and the printed reports. */
@NullMarked
package io.ohkay.bench.report;

import org.jspecify.annotations.NullMarked;
