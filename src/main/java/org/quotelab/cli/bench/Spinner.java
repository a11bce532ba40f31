package org.quotelab.cli.bench;

import java.io.IOException;

/**
 * The busy neighbour of {@code bench --contend N}: a separate process whose N threads keep N
 * cores busy, the way another program on a user's machine would. It is a process, not threads
 * of the benchmark, so that the load it adds is counted as someone else's. It stops when its
 * standard input closes, so it cannot outlive a benchmark that died.
 */
public final class Spinner {

    /** Written to so the JIT cannot drop the loop. */
    static volatile long sink;

    private Spinner() {
    }

    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(Spinner::spin, "spinner-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("spinning");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close the pipe
        }
    }

    private static void spin() {
        long x = 0;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if ((x & 0xFFFFFF) == 0) {
                sink = x;
            }
        }
    }
}
