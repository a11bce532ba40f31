package org.quotelab.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Users get one clear line; the stack trace goes to the log. */
final class ErrorHandler implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        LOG.debug("command failed", ex);
        String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        cmd.getErr().println("error: " + msg);
        cmd.getErr().flush();
        return 1;
    }
}
