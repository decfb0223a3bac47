// What the preview's Forecast tab (and the exported page's milestone P80s)
// draw: a program's Monte Carlo forecast as plain data, dates as YYYY-MM-DD.
// Built on the server (forecast-view.ts), sent over the wire as JSON, drawn by
// media/src/forecast/. This file imports nothing: the webview may import it.

/** One point of a cumulative distribution: the share (0..1) of iterations ending on or before `day`. */
export interface ForecastCurvePoint {
  readonly day: string;
  readonly share: number;
}

/** The forecast of one date: the program finish or a milestone with a target. */
export interface ForecastSeries {
  /** The milestone's id; null for the program finish. */
  readonly id: string | null;
  readonly name: string;
  /** The milestone's `date`; null for the finish (the format gives it no target). */
  readonly target: string | null;
  /** The plan's date (the deterministic schedule). */
  readonly deterministic: string | null;
  readonly p10: string | null;
  readonly p50: string | null;
  readonly p80: string | null;
  readonly p90: string | null;
  /** Share of iterations on or before the target; null without a target or without dates. */
  readonly onTimeProbability: number | null;
  /** Share of iterations on or before the plan's date; null without one. */
  readonly planProbability: number | null;
  readonly curve: readonly ForecastCurvePoint[];
}

/** A bar of the tornado: a task by its sensitivity, or a risk by its mean delay of the finish. */
export interface ForecastDriver {
  readonly kind: 'task' | 'risk';
  readonly id: string;
  readonly name: string;
  /** Sensitivity (Spearman's rho, -1..1) for a task; mean delay in working days for a risk. */
  readonly value: number;
  /** A task's criticality, or a risk's chance (0..1). */
  readonly share: number | null;
}

export interface ForecastReady {
  readonly status: 'ready';
  readonly program: string | null;
  readonly iterations: number;
  readonly requestedIterations: number;
  readonly seed: number;
  readonly distribution: 'pert' | 'triangular';
  /** Mean finish in working days from the first working day of the program. */
  readonly meanDays: number | null;
  readonly finish: ForecastSeries;
  /** Milestones with both `depends_on` and a `date`, in file order. */
  readonly milestones: readonly ForecastSeries[];
  /** Tasks with an estimate, by |sensitivity|, the strongest first (at most DRIVERS). */
  readonly tasks: readonly ForecastDriver[];
  /** Risks with a schedule impact that take part, by mean delay, the largest first (at most DRIVERS). */
  readonly risks: readonly ForecastDriver[];
}

/**
 * Nothing to forecast (no estimate, no schedule risk), the forecast could not
 * run, or it was skipped (a page exported with `--no-forecast`): one sentence to show.
 */
export interface ForecastUnavailable {
  readonly status: 'no-uncertainty' | 'error' | 'skipped';
  readonly message: string;
}

export type ForecastView = ForecastReady | ForecastUnavailable;
