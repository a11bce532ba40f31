package org.quotelab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this process: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuoteLabCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
