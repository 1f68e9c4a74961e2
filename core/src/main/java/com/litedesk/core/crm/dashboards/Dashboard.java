package com.litedesk.core.crm.dashboards;

import com.litedesk.ports.contract.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of a dashboard for one scope and period. Months are calendar months in UTC, named by their first day;
 * the period is the current month and the {@code months - 1} before it. Money is summed exactly per currency;
 * {@code currency} is the one most of the counted deals use (ties: the first in alphabetical order), the one a chart
 * of a single axis shows, with the others told beside it.
 */
public record Dashboard(
        DashboardScope scope,
        List<DashboardScope> scopes,
        int months,
        LocalDate from,
        @Nullable String currency,
        PipelineValue pipelineValue,
        List<MonthForecast> forecast,
        WinRate winRate,
        List<UserActivity> activityByUser,
        List<MonthWins> wonByMonth) {

    public Dashboard {
        scopes = List.copyOf(scopes);
        forecast = List.copyOf(forecast);
        activityByUser = List.copyOf(activityByUser);
        wonByMonth = List.copyOf(wonByMonth);
    }

    /** The open deals of one pipeline, per stage in pipeline order (open stages only). */
    public record PipelineValue(String pipelineId, String pipelineName, List<StageValue> stages) {
        public PipelineValue {
            stages = List.copyOf(stages);
        }
    }

    /** How many open deals a stage holds and their value per currency. */
    public record StageValue(String stageId, String stageName, int probability, long count, Map<String, BigDecimal> value) {
        public StageValue {
            value = Map.copyOf(value);
        }
    }

    /**
     * Open deals (of every pipeline) expected to close in a month, and their value × stage probability per currency,
     * rounded to the cent per deal.
     */
    public record MonthForecast(LocalDate month, long count, Map<String, BigDecimal> weighted) {
        public MonthForecast {
            weighted = Map.copyOf(weighted);
        }
    }

    /** Deals won and lost in the period by when they closed; {@code percent} won of both, one decimal, null without any. */
    public record WinRate(long won, long lost, @Nullable BigDecimal percent, List<MonthWinRate> byMonth) {
        public WinRate {
            byMonth = List.copyOf(byMonth);
        }
    }

    /** Won and lost deals of one month. */
    public record MonthWinRate(LocalDate month, long won, long lost, @Nullable BigDecimal percent) {
    }

    /** What a user logged in the period (calls, meetings, emails by when they happened) and the tasks they completed. */
    public record UserActivity(String userId, String userName, long calls, long meetings, long emails, long tasksCompleted) {
    }

    /** Deals won in one month: how many and their value per currency. */
    public record MonthWins(LocalDate month, long count, Map<String, BigDecimal> value) {
        public MonthWins {
            value = Map.copyOf(value);
        }
    }
}
