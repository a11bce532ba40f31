package org.quotelab;

import org.quotelab.cli.QuoteLabCli;
import org.quotelab.ui.QuoteLabApp;

/**
 * Entry point of target/quotelab.jar. It must not extend Application: JavaFX refuses to start a
 * classpath main class that does, so the app is launched from here instead.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ProcessSettings.configureDesktop();
            QuoteLabApp.launchApp(args);
        } else {
            ProcessSettings.configure();
            System.exit(QuoteLabCli.run(args));
        }
    }
}
