import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

public class Elapsed
{
    private static final SimpleDateFormat FMT = new SimpleDateFormat("dd/MM/yyyy");

    static
    {
        FMT.setTimeZone(TimeZone.getTimeZone("UTC"));
        FMT.setLenient(false);
    }

    static long days(String start, String end) throws ParseException
    {
        Date s = FMT.parse(start), e = FMT.parse(end);
        long millis = Math.abs(e.getTime() - s.getTime());
        return TimeUnit.MILLISECONDS.toDays(millis);
    }

    public static void main(String[] args)
    {
        try
        {
            System.out.println(days("25/12/2023", "01/01/2024"));
            System.out.println(days("31/02/2024", "01/03/2024"));
        }
        catch (ParseException pe)
        {
            System.err.println("bad date: " + pe.getMessage());
        }
    }
}
