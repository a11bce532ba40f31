package org.quotelab.service.sample;

import java.util.List;

/**
 * One topic of the sample data: its id (the seed's topic_id), name, the nouns a quote uses for it,
 * good and bad things people say, and sentence templates. Slots: {noun}, {good}, {bad}, {product}.
 */
record SampleTopic(int id, String name, List<String> nouns, List<String> good, List<String> bad,
        List<String> templates) {
}
