package org.quotelab;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Rolling log files in the data folder's logs/: quotelab.log, rolled daily and at 10 MB, 14 days
 * and 100 MB kept at most. Added at start, once the data folder is known; logback.xml keeps the
 * console (warnings only). The file gets the same events: QuoteLab's at INFO, libraries' warnings.
 */
final class LogFiles {

    static final String FILE = "quotelab.log";

    private LogFiles() {
    }

    static void writeTo(Path logs) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE") != null) {
            return; // another SLF4J binding (its own configuration), or already added (app, then CLI)
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(logs.resolve(FILE).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logs.resolve("quotelab.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("100MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /**
     * DJL's GPU probe loads any libcudart.so it finds (a CUDA toolkit without a driver is common)
     * and then warns "CUDA driver version is insufficient" twice per start. Without an NVIDIA
     * driver there is no GPU to find: the probe's warnings are noise, so they go unlogged.
     */
    static void quietGpuProbeWithoutDriver(Path procDriver, List<Path> libraryDirs) {
        if (hasNvidiaDriver(procDriver, libraryDirs)
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(CUDA_PROBE).setLevel(Level.ERROR);
    }

    static final String CUDA_PROBE = "ai.djl.util.cuda.CudaUtils";

    /** The kernel driver's /proc entry, or its user-space library (libcuda.so.1) in a library folder. */
    static boolean hasNvidiaDriver(Path procDriver, List<Path> libraryDirs) {
        if (Files.exists(procDriver)) {
            return true;
        }
        return libraryDirs.stream().anyMatch(d -> Files.exists(d.resolve("libcuda.so.1")) || Files.exists(d.resolve("nvcuda.dll")));
    }

    /** Where Linux distributions and Windows put the driver's library. */
    static List<Path> driverLibraryDirs() {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib64"),
                Path.of("/usr/lib"), Path.of("/usr/lib/wsl/lib"), Path.of("/usr/local/nvidia/lib64")));
        String windows = System.getenv("SystemRoot");
        if (windows != null) {
            dirs.add(Path.of(windows, "System32"));
        }
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String p : ld.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    dirs.add(Path.of(p));
                }
            }
        }
        return dirs;
    }
}
