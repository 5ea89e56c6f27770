import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class Frequencies
{
    private Frequencies() {}

    public static Map<String, Long> of(String text)
    {
        return Arrays.stream(text.split("\\W+"))
                     .filter(s -> !s.isBlank())
                     .map(String::toLowerCase)
                     .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    public static void main(String[] args) throws Exception
    {
        String text = args.length > 0 ? Files.readString(Path.of(args[0])) : "a b a c b a";
        of(text).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> System.out.println(entry.getValue() + "\t" + entry.getKey()));
    }
}
