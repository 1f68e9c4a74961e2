package com.litedesk.ports.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every store splits text into search terms, so that they find the same records: runs of letters and digits
 * (Unicode categories L, N and Co; everything else separates), lower-cased, with diacritics removed — the rules of
 * SQLite's {@code unicode61 remove_diacritics 2} tokenizer. A search is a list of words, each a list of terms; a
 * record matches when, for every word, its terms appear in that order in one part of the record's text with the
 * last one as a prefix ({@code "ada lov"} finds Ada Lovelace, {@code "ada@exa"} finds ada@example.com).
 */
public final class SearchTerms {

    private SearchTerms() {
    }

    /** The terms of {@code text}, in order. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder term = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK) {
                continue; // a diacritic of the previous letter
            }
            if (isTermCharacter(type)) {
                term.appendCodePoint(cp);
            } else if (!term.isEmpty()) {
                terms.add(term.toString());
                term.setLength(0);
            }
        }
        if (!term.isEmpty()) {
            terms.add(term.toString());
        }
        return terms;
    }

    private static boolean isTermCharacter(int type) {
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** The words of a search (split at white space), each as its terms; words without any term are left out. */
    public static List<List<String>> query(String search) {
        List<List<String>> words = new ArrayList<>();
        if (search == null) {
            return words;
        }
        for (String word : search.strip().split("\\s+")) {
            List<String> terms = of(word);
            if (!terms.isEmpty()) {
                words.add(terms);
            }
        }
        return words;
    }

    /** Whether a record with {@code text} matches every word of {@code words} (see the class comment). */
    public static boolean matches(List<List<String>> words, SearchText text) {
        if (words.isEmpty()) {
            return false;
        }
        List<String> primary = of(text.primary());
        List<String> secondary = of(text.secondary());
        for (List<String> word : words) {
            if (strength(word, primary) == 0 && strength(word, secondary) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * How well a record matches, higher first: per word, 4 for the whole word in the primary text, 3 for a prefix
     * of it there, 2 and 1 likewise in the secondary text. Stores that rank with their own index (SQLite's bm25) may
     * order equally good matches differently.
     */
    public static int score(List<List<String>> words, SearchText text) {
        List<String> primary = of(text.primary());
        List<String> secondary = of(text.secondary());
        int score = 0;
        for (List<String> word : words) {
            int inPrimary = strength(word, primary);
            score += inPrimary > 0 ? inPrimary + 2 : strength(word, secondary);
        }
        return score;
    }

    /** 2 when the word's terms stand in {@code terms} as they are, 1 when the last one only as a prefix, else 0. */
    private static int strength(List<String> word, List<String> terms) {
        int best = 0;
        for (int start = 0; start + word.size() <= terms.size(); start++) {
            boolean head = true;
            for (int k = 0; k < word.size() - 1 && head; k++) {
                head = terms.get(start + k).equals(word.get(k));
            }
            if (!head) {
                continue;
            }
            String last = terms.get(start + word.size() - 1);
            String wanted = word.getLast();
            if (last.equals(wanted)) {
                return 2;
            }
            if (last.startsWith(wanted)) {
                best = 1;
            }
        }
        return best;
    }
}
