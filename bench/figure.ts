/** One benchmark figure: ours next to the baseline measured in the same run. */
export interface ComparedFigure {
  figure: string;
  /** Median over the repetitions. */
  ours: number;
  baseline: number;
  unit: string;
  oursRange: [number, number];
  baselineRange: [number, number];
}

/** The same, where some figures have no baseline (absolute measurements). */
export type BenchFigure = Omit<ComparedFigure, 'baseline' | 'baselineRange'> & {
  baseline: number | null;
  baselineRange: [number, number] | null;
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function range(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

export function figure(name: string, unit: string, ours: number[], baseline: number[] | null): BenchFigure {
  return {
    figure: name,
    unit,
    ours: median(ours),
    oursRange: range(ours),
    baseline: baseline ? median(baseline) : null,
    baselineRange: baseline ? range(baseline) : null,
  };
}

/** How a cost grows with the work: one value per size, to set beside linear growth. */
export interface Growth {
  figure: string;
  unit: string;
  sizes: number[];
  values: number[];
}
