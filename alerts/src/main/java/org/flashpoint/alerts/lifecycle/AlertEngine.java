package org.flashpoint.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flashpoint.alerts.rules.Rule;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.alerts.rules.SpikeRule;
import org.flashpoint.alerts.rules.ThresholdRule;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;

/**
 * Runs the rules over one dyad's indicators and incidents, in event time, and returns the alert changes. The same
 * object runs in the topology and in a backtest; only the {@link AlertStore} differs.
 *
 * <p>A record at time t first evaluates the grid instants (multiples of the evaluation interval) between the dyad's
 * clock and t on what was known before it, so a {@code for} or quiet period that ended between two articles takes
 * effect at the instant it ended; then the record is applied and the rules evaluated at t. A record older than the
 * clock (late, or after a wall-clock advance) is applied and evaluated at the clock: time never runs backwards.
 *
 * <p>An indicator and the incidents it names travel on different topics and partitions, so live the indicator can
 * arrive first. Its evaluation is then held until those incidents arrive, so a notice quotes its evidence; a later
 * record of the dyad, or the wall-clock advance, releases a hold whose incidents never came. A replay in the order
 * the streams role publishes (incidents first) never holds.
 */
public final class AlertEngine {

    private final RuleSet rules;
    private final Set<Duration> windowSizes;
    private final Duration lookback;

    public AlertEngine(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        Set<Duration> sizes = new HashSet<>();
        for (Rule rule : rules.rules()) {
            if (rule instanceof ThresholdRule t) {
                sizes.add(t.window());
            } else if (rule instanceof SpikeRule s) {
                sizes.add(s.window());
            }
        }
        this.windowSizes = Set.copyOf(sizes);
        // Incidents named by a window stay as long as the window; one day more covers reports late within it.
        this.lookback = rules.lookback().plus(Duration.ofDays(1));
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * One article's changes on a dyad, as the streams role publishes them on {@code dyad.updates}: its incidents and
     * the indicator windows they moved are applied together and the rules evaluated once, so no rule ever sees an
     * indicator without the incidents it names.
     */
    public List<Alert> onUpdate(AlertStore store, DyadUpdate update) {
        return apply(store, update.dyad(), update.eventTime(), history -> {
            DyadHistory updated = history;
            for (Incident incident : update.incidents()) {
                updated = updated.with(incident);
            }
            for (DyadIndicator indicator : update.indicators()) {
                updated = updated.with(indicator, windowSizes);
            }
            return updated;
        });
    }

    /** Evaluates the grid instants up to {@code to} without new data: how a quiet dyad's alerts resolve. */
    public List<Alert> advance(AlertStore store, Dyad dyad, Instant to) {
        DyadHistory history = store.history(dyad);
        if (history == null || history.clock() == null || !to.isAfter(history.clock())) {
            return List.of();
        }
        Episodes episodes = new Episodes(store, dyad);
        List<Alert> changes = new ArrayList<>();
        history = release(history, episodes, changes);
        Instant last = history.clock();
        for (Instant tick = nextTick(history.clock()); !tick.isAfter(to); tick = tick.plus(rules.evaluationInterval())) {
            history = history.at(tick, lookback);
            evaluate(history, episodes, tick, changes);
            last = tick;
            if (settled(history, episodes)) {
                last = to;
                break;
            }
        }
        store.putHistory(history.at(last, lookback));
        episodes.save();
        return changes;
    }

    /** True when some rule has an open episode on the dyad. */
    public boolean hasOpenAlerts(AlertStore store, Dyad dyad) {
        return rules.rules().stream().anyMatch(r -> r.appliesTo(dyad) && store.state(r.name(), dyad) != null);
    }

    /** True when advancing the dyad's clock can change something: an open alert, or an evaluation on hold. */
    public boolean needsAdvancing(AlertStore store, DyadHistory history) {
        return history.held() || hasOpenAlerts(store, history.dyad());
    }

    private List<Alert> apply(AlertStore store, Dyad dyad, Instant eventTime,
                              java.util.function.UnaryOperator<DyadHistory> update) {
        if (rules.rules().stream().noneMatch(r -> r.appliesTo(dyad))) {
            return List.of();
        }
        DyadHistory history = store.history(dyad);
        history = history == null ? DyadHistory.empty(dyad) : history;
        Episodes episodes = new Episodes(store, dyad);
        List<Alert> changes = new ArrayList<>();
        Instant clock = history.clock();
        if (clock != null) {
            if (eventTime.isAfter(clock)) {
                history = release(history, episodes, changes);
            }
            for (Instant tick = nextTick(clock); tick.isBefore(eventTime); tick = tick.plus(rules.evaluationInterval())) {
                history = history.at(tick, lookback);
                evaluate(history, episodes, tick, changes);
                if (settled(history, episodes)) {
                    break;
                }
            }
        }
        Instant at = clock == null || eventTime.isAfter(clock) ? eventTime : clock;
        history = update.apply(history).at(at, lookback);
        if (history.missesIncidents(windowSizes, at)) {
            history = history.holding(true);
        } else {
            evaluate(history, episodes, at, changes);
            history = history.holding(false);
        }
        store.putHistory(history);
        episodes.save();
        return changes;
    }

    /**
     * True when no later grid instant can change anything until new data arrives: nothing left to look at and no
     * episode whose {@code for} or quiet period is running. Lets a dyad that was quiet for years skip those years.
     */
    private boolean settled(DyadHistory history, Episodes episodes) {
        return history.windows().isEmpty() && history.incidents().isEmpty()
                && rules.rules().stream().filter(r -> r.appliesTo(history.dyad())).allMatch(r -> episodes.get(r) == null);
    }

    /** Runs a held evaluation with what has arrived: time is moving on, the missing incidents are not coming. */
    private DyadHistory release(DyadHistory history, Episodes episodes, List<Alert> changes) {
        if (!history.held()) {
            return history;
        }
        evaluate(history, episodes, history.clock(), changes);
        return history.holding(false);
    }

    private void evaluate(DyadHistory history, Episodes episodes, Instant at, List<Alert> changes) {
        for (Rule rule : rules.rules()) {
            if (!rule.appliesTo(history.dyad())) {
                continue;
            }
            Lifecycle.Step step = Lifecycle.step(episodes.get(rule), rule, history.dyad(), rule.evaluate(history, at), at);
            episodes.put(rule, step.state());
            if (step.notice() != null) {
                changes.add(step.notice());
            }
        }
    }

    private Instant nextTick(Instant after) {
        long step = rules.evaluationInterval().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(after.toEpochMilli(), step) * step + step);
    }

    /** The dyad's episodes, read once and written once per record however many grid instants it evaluates. */
    private static final class Episodes {
        private final AlertStore store;
        private final Dyad dyad;
        private final Map<String, AlertState> states = new LinkedHashMap<>();
        private final Set<String> dirty = new HashSet<>();

        Episodes(AlertStore store, Dyad dyad) {
            this.store = store;
            this.dyad = dyad;
        }

        AlertState get(Rule rule) {
            if (!states.containsKey(rule.name())) {
                states.put(rule.name(), store.state(rule.name(), dyad));
            }
            return states.get(rule.name());
        }

        void put(Rule rule, AlertState state) {
            if (!Objects.equals(get(rule), state)) {
                states.put(rule.name(), state);
                dirty.add(rule.name());
            }
        }

        void save() {
            for (String rule : dirty) {
                store.putState(rule, dyad, states.get(rule));
            }
        }
    }
}
