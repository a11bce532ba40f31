package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.AppHome;
import org.quotelab.service.StoreSession;
import org.quotelab.service.models.VersionFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab export-hf: a model version as a Hugging Face folder for Python transformers. A version
 * of a data folder's store is exported as the Models view exports it, with the project's topic
 * names in {@code id2label}; the store is the one given with --home / --db, else the data folder
 * whose models folder holds the version. A folder no store knows is copied as it is.
 */
@Command(name = "export-hf", mixinStandardHelpOptions = true,
        description = "Copy a model version's Hugging Face files (config.json, model.safetensors, tokenizer) "
                + "into a new folder that transformers' AutoModelForSequenceClassification loads. A version of a "
                + "store gets its project's topic names in id2label (the ids stay in quotelab_label_ids).")
public final class ExportHfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--model", required = true, description = "Model version folder.")
    Path model;
    @Option(names = "--out", required = true, description = "Folder to create.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Optional<AppHome> home = store.home != null || store.db != null
                ? Optional.of(store.home()) : AppHome.holding(model);
        if (home.isPresent()) {
            try (StoreSession s = StoreSession.open(home.get(), store.db, store.project)) {
                Optional<ModelVersion> v = s.models().exportHfFolder(model, out);
                if (v.isPresent()) {
                    w.println("exported stage " + v.get().stage() + " version " + v.get().id() + " (" + model + ") to "
                            + out + " with topic names");
                    w.flush();
                    return 0;
                }
            }
        }
        VersionFolders.exportHf(model, out);
        w.println("exported " + model + " to " + out + " (no store knows this folder: labels as the folder has them)");
        w.flush();
        return 0;
    }
}
