/** A server's audit log as its managers read it: who did what to whom, newest first. */
@NullMarked
package io.ohkay.edge.audit;

import org.jspecify.annotations.NullMarked;
