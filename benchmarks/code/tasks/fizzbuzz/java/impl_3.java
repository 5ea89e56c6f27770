import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class Main
{
    static String label(int value)
    {
        boolean three = value % 3 == 0;
        boolean five = value % 5 == 0;
        if (three && five)
            return "FizzBuzz";
        if (three)
            return "Fizz";
        if (five)
            return "Buzz";
        return String.valueOf(value);
    }

    public static void main(String[] args)
    {
        String text = IntStream.rangeClosed(1, 100)
                .mapToObj(Main::label)
                .collect(Collectors.joining(System.lineSeparator()));
        System.out.println(text);
    }
}
