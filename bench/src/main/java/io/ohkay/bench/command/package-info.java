/** What every scenario command shares on the command line: option checks, progress, results. */
@NullMarked
package io.ohkay.bench.command;

import org.jspecify.annotations.NullMarked;
