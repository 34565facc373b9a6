package org.flashpoint.app.fault;

import java.time.Duration;

/** Bounded polling: every wait of the fault tests has a deadline and says what it waited for. */
final class Await {

    /** A condition that may need the cluster, which can throw while a broker is down. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /**
     * Polls {@code condition} until it holds; fails after {@code timeout} with {@code what} and the last exception.
     * Exceptions count as "not yet": admin calls fail for a moment while leaders move.
     */
    static void until(String what, Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what, last);
    }
}
