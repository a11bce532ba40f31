package org.quotelab.service.sample;

import java.util.List;

/** Vocabulary and templates of the sample data, written for this project. */
final class SamplePhrases {

    private SamplePhrases() {
    }

    static final List<String> FORMAL = List.of(
            "The {noun} {good}.",
            "Honestly, the {noun} {bad}.",
            "I was surprised that the {noun} {good}.",
            "My only complaint is that the {noun} {bad}.",
            "After two weeks with the {product}, the {noun} {good}.",
            "Sadly the {noun} on my {product} {bad}.",
            "For the money, the {noun} {good}.",
            "Compared to my old one, the {noun} {bad}.");

    /** Informal phrasing that only appears from the drift day on. */
    static final List<String> SLANG = List.of(
            "ngl the {noun} {good}",
            "tbh the {noun} {bad} lol",
            "{noun} on the {product}? it {good}, no cap",
            "lowkey disappointed, {noun} {bad}",
            "the {noun} is mid, it {bad}",
            "not gonna lie, {noun} {good} fr");

    static final List<SampleTopic> TOPICS = List.of(
            new SampleTopic(1, "battery life", List.of("battery", "battery life", "battery pack"),
                    List.of("lasts a full day", "easily gets me through two days", "is still strong after months",
                            "holds up well even with heavy use"),
                    List.of("drains by lunchtime", "dies way too quickly", "barely lasts an afternoon",
                            "drops twenty percent overnight"),
                    List.of("Battery wise, it {good}.", "The {noun} {bad}, which is annoying on trips.")),
            new SampleTopic(2, "screen", List.of("screen", "display", "panel", "touchscreen"),
                    List.of("is bright and sharp", "looks great even outdoors", "has lovely colours",
                            "responds instantly to touch"),
                    List.of("is too dim in sunlight", "scratched within a week", "has a yellow tint",
                            "flickers at low brightness"),
                    List.of("Watching videos, the {noun} {good}.", "The {noun} {bad} and it bothers me.")),
            new SampleTopic(3, "delivery", List.of("delivery", "shipping", "parcel", "courier"),
                    List.of("arrived a day early", "was quick and well packed", "came right on time",
                            "was tracked the whole way"),
                    List.of("took almost three weeks", "arrived with a crushed box", "was left at the wrong door",
                            "was delayed twice without notice"),
                    List.of("The {noun} {good}, great service from the shop.", "Shame the {noun} {bad}.")),
            new SampleTopic(4, "price", List.of("price", "cost", "value for money", "deal"),
                    List.of("is very fair", "beats every other shop", "felt like a bargain",
                            "is hard to argue with"),
                    List.of("is far too high", "went up right after I ordered", "is not justified",
                            "feels like a rip-off"),
                    List.of("Considering the specs, the {noun} {good}.", "I think the {noun} {bad}.")),
            new SampleTopic(5, "customer service", List.of("customer service", "support team", "helpdesk",
                    "support chat"),
                    List.of("sorted my issue in minutes", "was friendly and helpful", "replaced it without fuss",
                            "called me back the same day"),
                    List.of("never answered my emails", "kept me on hold for an hour", "refused the refund",
                            "sent me in circles"),
                    List.of("When I had a problem, the {noun} {good}.", "The {noun} {bad}, never again.")),
            new SampleTopic(6, "sound quality", List.of("sound", "audio", "speaker"),
                    List.of("is rich and clear", "has punchy bass", "gets really loud without distortion",
                            "is balanced and detailed"),
                    List.of("sounds tinny", "crackles at high volume", "is muffled", "has no bass at all"),
                    List.of("Listening to music, the {noun} {good}.", "The {noun} {bad} on calls.")),
            new SampleTopic(7, "build quality", List.of("build quality", "hinge", "casing", "finish"),
                    List.of("feels solid and premium", "survived a few drops", "is well put together",
                            "has no creaks at all"),
                    List.of("feels cheap and plasticky", "cracked after a month", "started to wobble",
                            "has sharp edges"),
                    List.of("In the hand, the {noun} {good}.", "The {noun} {bad}, not what I expected.")),
            new SampleTopic(8, "software", List.of("software", "app", "update", "firmware"),
                    List.of("runs smoothly", "is simple to set up", "keeps getting better",
                            "syncs without problems"),
                    List.of("crashes all the time", "is full of bugs", "made everything slower",
                            "keeps logging me out"),
                    List.of("Day to day, the {noun} {good}.", "Since the last {noun}, it {bad}.")),
            new SampleTopic(9, "size and fit", List.of("size", "fit", "strap", "sizing"),
                    List.of("fits perfectly", "is true to the size chart", "is comfortable all day",
                            "suits small wrists well"),
                    List.of("runs one size small", "is way too tight", "slips off all the time",
                            "pinches after an hour"),
                    List.of("Wearing it daily, the {noun} {good}.", "Be careful, the {noun} {bad}.")),
            new SampleTopic(10, "camera", List.of("camera", "main camera", "zoom lens", "night mode"),
                    List.of("takes stunning photos", "handles low light well", "focuses quickly",
                            "captures true colours"),
                    List.of("makes everything blurry", "is grainy indoors", "overexposes the sky",
                            "struggles with moving kids"),
                    List.of("On holiday, the {noun} {good}.", "Disappointing, the {noun} {bad}.")));

    /** Quotes about nothing the classifier cares for (stage-1 label 0). */
    static final List<String> OFF_TOPIC = List.of(
            "I bought this as a birthday present for my brother.",
            "This is my second order from this brand.",
            "Ordered it on a Sunday evening after reading a few reviews.",
            "My kids wanted one after seeing it at a friend's house.",
            "I replaced my old {product} with this one.",
            "Writing this review while waiting for my train.",
            "We have three of these in the family now.",
            "I will update this review in a few months.",
            "Not sure yet what to think of the {product}.",
            "Bought it during the spring sale together with a case.",
            "The colour is called midnight blue, for those wondering.",
            "My partner picked this model, I just paid.",
            "Have had it since last month.",
            "Saw an advert for the {product} on the metro.",
            "This review is for the 128 GB version.",
            "Anyway, that is my experience so far.");

    /**
     * Out-of-topic sentences that name a topic's thing without an opinion on it: the quotes stage 1
     * lets through and class 0 must catch.
     */
    static final List<String> NEAR_MISS = List.of(
            "I charged the {noun} before the trip.",
            "Does anyone know if the {noun} can be replaced?",
            "The {noun} is the same as on the previous model.",
            "My sister asked me about the {noun} yesterday.",
            "I read the manual section about the {noun}.",
            "The shop assistant showed me the {noun} first.",
            "I have not really tested the {noun} yet.",
            "Question for other owners: which {noun} settings do you use?");

    /** One opinion on two topics; the annotators label the first. */
    static final List<String> MIXED = List.of(
            "The {noun} {good}, but the {noun2} {bad2}.",
            "Honestly the {noun} {bad}, although the {noun2} {good2}.",
            "The {noun} {good} and the {noun2} {good2} too.");

    static final List<String[]> COUNTRIES = List.of(
            new String[] {"FR", "France"}, new String[] {"DE", "Germany"}, new String[] {"ES", "Spain"},
            new String[] {"IT", "Italy"}, new String[] {"GB", "United Kingdom"}, new String[] {"NL", "Netherlands"},
            new String[] {"PL", "Poland"}, new String[] {"SE", "Sweden"});

    /** Category, product id, product name, topics that make sense for it. */
    record Product(String category, String id, String name, List<Integer> topics) {
    }

    static final List<Integer> PHONE = List.of(1, 2, 3, 4, 5, 6, 7, 8, 10);
    static final List<Integer> AUDIO = List.of(1, 3, 4, 5, 6, 7, 8, 9);
    static final List<Integer> WATCH = List.of(1, 2, 3, 4, 5, 7, 8, 9);
    static final List<Integer> LAPTOP = List.of(1, 2, 3, 4, 5, 6, 7, 8, 10);

    static final List<Product> PRODUCTS = List.of(
            new Product("phones", "P-1001", "Lumo S5 phone", PHONE),
            new Product("phones", "P-1002", "Kestrel 12 phone", PHONE),
            new Product("headphones", "P-2001", "QuietWave headphones", AUDIO),
            new Product("headphones", "P-2002", "AuraBuds earbuds", AUDIO),
            new Product("smartwatches", "P-3001", "Pulse Fit watch", WATCH),
            new Product("laptops", "P-4001", "Slate 14 laptop", LAPTOP),
            new Product("laptops", "P-4002", "Orbit Book laptop", LAPTOP));

    /** Launched on the launch day: new names the model has never seen. */
    static final List<Product> LAUNCHED = List.of(
            new Product("phones", "P-1003", "Nova X2 phone", PHONE),
            new Product("headphones", "P-2003", "AuraBuds Pro 2", AUDIO));

    /** From the drift day on the battery gets a new kind of complaint. */
    static final List<String> BATTERY_RECALL = List.of(
            "swells and pushes the back cover open", "gets hot while charging overnight",
            "stops charging at eighty percent since the update");
}
