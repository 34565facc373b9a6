package org.flashpoint.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dates written in a sentence, resolved against the publication date: "on Tuesday" (the last Tuesday on or
 * before publication), "yesterday", "last week", "in January" (of the publication year, or the year before when
 * that month has not come yet), "January 16, 2024", "16 Jan", bare years ("since 1947"). A month or year without
 * a day resolves to its LAST day, so only events clearly long past become historical.
 */
final class Dates {

    /** A date expression at token {@code token} of the text. */
    record Found(int token, LocalDate date) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);

    private Dates() {
    }

    /** Date expressions in tokens [from, to); {@code published} may be null (then only explicit years resolve). */
    static List<Found> find(String text, List<Token> tokens, int from, int to, LocalDate published) {
        List<Found> out = new ArrayList<>(2);
        int i = from;
        while (i < to) {
            Token t = tokens.get(i);
            String w = t.lower();
            String next = i + 1 < to ? tokens.get(i + 1).lower() : "";
            String prev = i > from ? tokens.get(i - 1).lower() : "";
            int used = 1;
            LocalDate date = null;
            if (published != null && DAYS.containsKey(w)) {
                DayOfWeek d = DAYS.get(w);
                int back = (published.getDayOfWeek().getValue() - d.getValue() + 7) % 7;
                date = prev.equals("next") ? published.plusDays(back == 0 ? 7 : 7 - back) : published.minusDays(back);
            } else if (published != null && w.equals("yesterday")) {
                date = published.minusDays(1);
            } else if (published != null && (w.equals("today") || w.equals("tonight"))) {
                date = published;
            } else if (published != null && w.equals("tomorrow")) {
                date = published.plusDays(1);
            } else if (published != null && (w.equals("last") || w.equals("past") || w.equals("this") || w.equals("next"))
                    && (next.equals("week") || next.equals("month") || next.equals("year"))) {
                int sign = w.equals("next") ? 1 : w.equals("this") ? 0 : -1;
                date = switch (next) {
                    case "week" -> published.plusWeeks(sign);
                    case "month" -> YearMonth.from(published).plusMonths(sign).atEndOfMonth();
                    default -> published.getYear() + sign == published.getYear() ? published
                            : LocalDate.of(published.getYear() + sign, 12, 31);
                };
                used = 2;
            } else if (MONTHS.containsKey(w) && Character.isUpperCase(text.charAt(t.start()))
                    && (!(w.equals("may") || w.equals("march")) || monthContext(tokens, i, from, to))) {
                int month = MONTHS.get(w);
                int k = i + 1;
                if (k < to && tokens.get(k).lower().equals(".")) {
                    k++;
                }
                Integer day = k < to ? day(tokens.get(k)) : null;
                if (day != null) {
                    k++;
                } else if (i - 1 >= from) {
                    day = day(tokens.get(i - 1));
                    if (day == null && i - 2 >= from && tokens.get(i - 1).lower().equals("of")) {
                        day = day(tokens.get(i - 2));
                    }
                }
                if (k < to && tokens.get(k).lower().equals(",")) {
                    k++;
                }
                Integer year = k < to ? year(tokens.get(k)) : null;
                if (year != null) {
                    k++;
                }
                used = Math.max(1, k - i);
                date = monthDate(year, month, day, published);
            } else {
                Integer year = year(t);
                if (year != null && !(next.equals("people") || next.equals("troops"))) {
                    date = LocalDate.of(year, 12, 31);
                }
            }
            if (date != null) {
                out.add(new Found(i, date));
            }
            i += used;
        }
        return out;
    }

    /** "May" and "March" are also words; take them as months only next to a number or after "in"/"of"/"since". */
    private static boolean monthContext(List<Token> tokens, int i, int from, int to) {
        if (i + 1 < to && (day(tokens.get(i + 1)) != null || year(tokens.get(i + 1)) != null)) {
            return true;
        }
        if (i - 1 >= from) {
            String p = tokens.get(i - 1).lower();
            return p.equals("in") || p.equals("of") || p.equals("since") || p.equals("early") || p.equals("late")
                    || p.equals("mid") || day(tokens.get(i - 1)) != null;
        }
        return false;
    }

    private static LocalDate monthDate(Integer year, int month, Integer day, LocalDate published) {
        YearMonth ym;
        if (year != null) {
            ym = YearMonth.of(year, month);
        } else if (published != null) {
            ym = YearMonth.of(published.getYear(), month);
            // A month named without a year that lies well after publication is last year's.
            if (ym.atDay(1).isAfter(published.plusMonths(2))) {
                ym = ym.minusYears(1);
            }
        } else {
            return null;
        }
        if (day != null && day <= ym.lengthOfMonth()) {
            return ym.atDay(day);
        }
        return ym.atEndOfMonth();
    }

    /** A day of the month: "16", "16th", "22nd". */
    private static Integer day(Token t) {
        if (!t.isNumber()) {
            return null;
        }
        String w = t.lower();
        int n = 0;
        int k = 0;
        while (k < w.length() && Character.isDigit(w.charAt(k))) {
            n = n * 10 + (w.charAt(k) - '0');
            k++;
            if (k > 2) {
                return null;
            }
        }
        String rest = w.substring(k);
        if (!(rest.isEmpty() || rest.equals("st") || rest.equals("nd") || rest.equals("rd") || rest.equals("th"))) {
            return null;
        }
        return n >= 1 && n <= 31 ? n : null;
    }

    /** A year between 1900 and 2099 written with four digits. */
    private static Integer year(Token t) {
        String w = t.lower();
        if (w.length() != 4 || !t.isNumber()) {
            return null;
        }
        for (int k = 0; k < 4; k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return null;
            }
        }
        int y = Integer.parseInt(w);
        return y >= 1900 && y <= 2099 ? y : null;
    }
}
