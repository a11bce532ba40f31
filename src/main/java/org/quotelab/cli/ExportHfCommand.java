package org.quotelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quotelab.service.models.VersionFolders;
import org.quotelab.ml.versions.ModelVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** quotelab export-hf: a model version as a Hugging Face folder for Python transformers. */
@Command(name = "export-hf", mixinStandardHelpOptions = true,
        description = "Copy a model version's Hugging Face files (config.json, model.safetensors, tokenizer) "
                + "into a new folder that transformers' AutoModelForSequenceClassification loads.")
public final class ExportHfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model version folder.")
    Path model;
    @Option(names = "--out", required = true, description = "Folder to create.")
    Path out;

    @Override
    public Integer call() throws Exception {
        VersionFolders.exportHf(model, out);
        spec.commandLine().getOut().println("exported " + model + " to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
