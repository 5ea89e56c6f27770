import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

public class DaysBetween {
    public static long daysBetween(String from, String to) {
        LocalDate a = LocalDate.parse(from);
        LocalDate b = LocalDate.parse(to);
        return ChronoUnit.DAYS.between(a, b);
    }

    public static void main(String[] args) {
        System.out.println(daysBetween("2024-01-01", "2024-12-25"));
        System.out.println(daysBetween("2000-02-28", "2000-03-01"));
    }
}
