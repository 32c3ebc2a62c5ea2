import java.util.List;

/** The statistic every benchmark table quotes: this machine is shared and noisy, so medians over rounds. */
final class Medians {
    private Medians() {
    }

    static double of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
