package org.quotelab.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Converters for choice boxes that only show their items: nothing is typed in, so nothing is parsed. */
public final class ShowOnly {

    private ShowOnly() {
    }

    public static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
