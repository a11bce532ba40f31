package org.quotelab;

import org.quotelab.service.AppHome;

/** Process-wide settings that must be in place before DJL or JavaFX start. */
public final class ProcessSettings {

    private ProcessSettings() {
    }

    public static void configure() {
        // Without these DJL phones home at start (four 1 s time-outs) and may try to download.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // Keep the 400 MB of unpacked engine natives inside the app's own data folder.
        setIfAbsent("DJL_CACHE_DIR", AppHome.resolve().djlCache().toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
