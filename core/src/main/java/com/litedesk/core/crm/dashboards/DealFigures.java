package com.litedesk.core.crm.dashboards;

import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.Stage;
import com.litedesk.ports.crm.StageKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The deal series of a dashboard, summed as deals are read (one pass over each set, nothing kept per deal). */
final class DealFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Months period;
    private final Months ahead;
    private final Map<String, Long> stageCounts = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> stageValues = new HashMap<>();
    private final long[] forecastCounts;
    private final List<Map<String, BigDecimal>> forecastValues = new ArrayList<>();
    private final long[] won;
    private final long[] lost;
    private final List<Map<String, BigDecimal>> wonValues = new ArrayList<>();
    private final Map<String, Long> dealsPerCurrency = new HashMap<>();

    DealFigures(Months period, Months ahead) {
        this.period = period;
        this.ahead = ahead;
        forecastCounts = new long[ahead.count()];
        won = new long[period.count()];
        lost = new long[period.count()];
        for (int i = 0; i < ahead.count(); i++) {
            forecastValues.add(new TreeMap<>());
        }
        for (int i = 0; i < period.count(); i++) {
            wonValues.add(new TreeMap<>());
        }
    }

    /** An open deal of the charted pipeline. */
    void openInPipeline(Deal deal) {
        stageCounts.merge(deal.stageId(), 1L, Long::sum);
        add(stageValues.computeIfAbsent(deal.stageId(), s -> new TreeMap<>()), deal.currency(), value(deal));
        counted(deal);
    }

    /** Stage totals read whole from the store (the "everyone" scope): the same sums without reading the deals. */
    void stageTotals(String stageId, long count, Map<String, BigDecimal> valueByCurrency) {
        stageCounts.merge(stageId, count, Long::sum);
        valueByCurrency.forEach((currency, value) -> add(stageValues.computeIfAbsent(stageId, s -> new TreeMap<>()), currency, value));
        valueByCurrency.keySet().forEach(currency -> dealsPerCurrency.merge(currency, count, Long::sum));
    }

    /** An open deal expected to close within the forecast months, at its stage's probability. */
    void expected(Deal deal, int probability) {
        int month = ahead.indexOf(deal.expectedCloseDate());
        if (month < 0) {
            return;
        }
        forecastCounts[month]++;
        BigDecimal weighted = value(deal).multiply(BigDecimal.valueOf(probability)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        add(forecastValues.get(month), deal.currency(), weighted);
        counted(deal);
    }

    /** A deal won or lost within the period. */
    void closed(Deal deal) {
        int month = period.indexOf(deal.closedAt());
        if (month < 0 || deal.status() == DealStatus.OPEN) {
            return;
        }
        if (deal.status() == DealStatus.WON) {
            won[month]++;
            add(wonValues.get(month), deal.currency(), value(deal));
            counted(deal);
        } else {
            lost[month]++;
        }
    }

    Dashboard.PipelineValue pipelineValue(Pipeline pipeline) {
        List<Dashboard.StageValue> stages = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.kind() == StageKind.OPEN) {
                stages.add(new Dashboard.StageValue(stage.id(), stage.name(), stage.probability(),
                        stageCounts.getOrDefault(stage.id(), 0L), stageValues.getOrDefault(stage.id(), Map.of())));
            }
        }
        return new Dashboard.PipelineValue(pipeline.id(), pipeline.name(), stages);
    }

    List<Dashboard.MonthForecast> forecast() {
        List<Dashboard.MonthForecast> out = new ArrayList<>();
        List<LocalDate> days = ahead.days();
        for (int i = 0; i < days.size(); i++) {
            out.add(new Dashboard.MonthForecast(days.get(i), forecastCounts[i], forecastValues.get(i)));
        }
        return out;
    }

    Dashboard.WinRate winRate() {
        List<Dashboard.MonthWinRate> months = new ArrayList<>();
        List<LocalDate> days = period.days();
        long allWon = 0;
        long allLost = 0;
        for (int i = 0; i < days.size(); i++) {
            months.add(new Dashboard.MonthWinRate(days.get(i), won[i], lost[i], percent(won[i], lost[i])));
            allWon += won[i];
            allLost += lost[i];
        }
        return new Dashboard.WinRate(allWon, allLost, percent(allWon, allLost), months);
    }

    List<Dashboard.MonthWins> wonByMonth() {
        List<Dashboard.MonthWins> out = new ArrayList<>();
        List<LocalDate> days = period.days();
        for (int i = 0; i < days.size(); i++) {
            out.add(new Dashboard.MonthWins(days.get(i), won[i], wonValues.get(i)));
        }
        return out;
    }

    /** The currency most counted deals use; ties go to the first alphabetically; null when no deal was counted. */
    String mainCurrency() {
        Map<String, Long> sorted = new TreeMap<>(dealsPerCurrency);
        String main = null;
        long most = 0;
        for (var entry : sorted.entrySet()) {
            if (entry.getValue() > most) {
                main = entry.getKey();
                most = entry.getValue();
            }
        }
        return main;
    }

    private void counted(Deal deal) {
        if (deal.currency() != null) {
            dealsPerCurrency.merge(deal.currency(), 1L, Long::sum);
        }
    }

    static BigDecimal percent(long won, long lost) {
        if (won + lost == 0) {
            return null;
        }
        return BigDecimal.valueOf(won * 100).divide(BigDecimal.valueOf(won + lost), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal value(Deal deal) {
        return deal.value() == null ? BigDecimal.ZERO : deal.value();
    }

    private static void add(Map<String, BigDecimal> sums, String currency, BigDecimal value) {
        sums.merge(currency == null ? "" : currency, value, BigDecimal::add);
    }
}
