package org.quotelab.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = QuoteLabCli.class.getPackage().getImplementationVersion();
        return new String[] {"QuoteLab " + (v == null ? "development build" : v)};
    }
}
