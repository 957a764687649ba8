package dev.newsfeed.impl.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The calendar document of API.md: a month's grid with counts, the days with articles, and the nearest months. */
@JsonPropertyOrder({"month", "timeZone", "firstDayOfWeek", "weekdays", "weeks", "days", "previous", "next"})
public record CalendarDocument(
        String month,
        String timeZone,
        String firstDayOfWeek,
        List<String> weekdays,
        List<List<Cell>> weeks,
        List<Day> days,
        @JsonInclude(JsonInclude.Include.ALWAYS) MonthLink previous,
        @JsonInclude(JsonInclude.Include.ALWAYS) MonthLink next) {

    public record Cell(int day, long count) {}

    public record Day(String date, long count, String href) {}

    public record MonthLink(String month, String href) {}
}
