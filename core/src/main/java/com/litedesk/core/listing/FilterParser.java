package com.litedesk.core.listing;

import com.litedesk.ports.LiteDeskException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code filter} parameter: comma-separated {@code field[op]:value} terms, where a value
 * is a JSON literal (a "string", a number, true, false, null) or a [list] of them, e.g.
 * {@code stage[eq]:"won",value[gte]:1000,tags[in]:["vip","new"]}. Produces untyped terms; the
 * {@link ListQueries} types them against a {@link FieldSet}.
 */
final class FilterParser {

    record Term(String field, String op, Object value) {
    }

    private final String text;
    private int pos;

    private FilterParser(String text) {
        this.text = text;
    }

    static List<Term> parse(String filter) {
        FilterParser parser = new FilterParser(filter);
        List<Term> terms = new ArrayList<>();
        parser.skipSpaces();
        while (parser.pos < parser.text.length()) {
            terms.add(parser.term());
            parser.skipSpaces();
            if (parser.pos < parser.text.length()) {
                parser.expect(',');
                parser.skipSpaces();
            }
            if (terms.size() > 20) {
                throw invalid("at most 20 filter terms are allowed");
            }
        }
        return terms;
    }

    private Term term() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.' || text.charAt(pos) == '_')) {
            pos++;
        }
        String field = text.substring(start, pos);
        if (field.isEmpty()) {
            throw invalid("expected a field name at position " + (start + 1));
        }
        expect('[');
        int opStart = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String op = text.substring(opStart, pos);
        expect(']');
        expect(':');
        skipSpaces();
        return new Term(field, op, value(true));
    }

    private Object value(boolean listAllowed) {
        if (pos >= text.length()) {
            throw invalid("expected a value at the end");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return string();
        }
        if (c == '[' && listAllowed) {
            pos++;
            List<Object> items = new ArrayList<>();
            skipSpaces();
            if (peek(']')) {
                pos++;
                return items;
            }
            while (true) {
                skipSpaces();
                items.add(value(false));
                skipSpaces();
                if (peek(']')) {
                    pos++;
                    return items;
                }
                expect(',');
                if (items.size() >= 100) {
                    throw invalid("a list may hold at most 100 values");
                }
            }
        }
        int start = pos;
        while (pos < text.length() && ",]".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> {
                try {
                    yield new BigDecimal(word);
                } catch (NumberFormatException e) {
                    throw invalid("'" + abbreviate(word) + "' is not a value: quote text as \"text\"");
                }
            }
        };
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw invalid("bad \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw invalid("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw invalid("bad escape \\" + e);
                }
            } else {
                out.append(c);
            }
        }
        throw invalid("unterminated string");
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw invalid("expected '" + c + "' at position " + (pos + 1));
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static LiteDeskException invalid(String message) {
        return LiteDeskException.invalid("filter", message);
    }
}
