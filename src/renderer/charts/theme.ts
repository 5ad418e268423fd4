import type { Layout } from 'plotly.js-dist-min';

export type ChartTheme = 'light' | 'dark';

interface ThemeColours {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
}

/** The page's own colours (app.css), so a chart reads like the panel around it; text is WCAG AA on its background. */
const COLOURS: Record<ChartTheme, ThemeColours> = {
  light: { text: '#1f2937', muted: '#646d7c', grid: '#e5e7eb', background: '#ffffff' },
  dark: { text: '#e5e7eb', muted: '#9ca3af', grid: '#374151', background: '#1f2937' },
};

/** A figure's title as plotly draws it in an exported image. */
export function exportTitle(theme: ChartTheme, title: string): Layout {
  return {
    title: { text: title, font: { size: 15, color: themeColours(theme).text }, x: 0.02, xanchor: 'left' },
  };
}

export function themeColours(theme: ChartTheme): ThemeColours {
  return COLOURS[theme];
}

/** Colours of the phases of a lifetime bill, the same in every chart. */
export const PHASE_COLOURS = {
  training: '#64748b',
  prefill: '#38bdf8',
  decode: '#f472b6',
  verification: '#a78bfa',
} as const;

/** Kaplan's allocation in red beside Chinchilla's orange: the two allocations the field argued over. */
const CANDIDATE_COLOURS: Readonly<Record<string, string>> = {
  lifetime: '#2563eb',
  chinchilla: '#ea580c',
  'baseline-kaplan2020': '#dc2626',
};
const BASELINE_COLOURS = ['#16a34a', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4d7c0f'];

/**
 * One colour per candidate id across every chart: the optimum blue, Chinchilla orange, Kaplan's
 * allocation red, the tokens-per-parameter baselines after.
 */
export function candidateColour(id: string, baselineIndex: number): string {
  return CANDIDATE_COLOURS[id] ?? BASELINE_COLOURS[baselineIndex % BASELINE_COLOURS.length] ?? '#6b7280';
}

/**
 * The layout every chart shares, in the theme's colours. Titles are drawn by the page around
 * the chart (plotly measures each title on every redraw) and added back only for exports.
 */
/** Whether a candidate id has a colour of its own (not one by its position among the baselines). */
export function hasOwnColour(id: string): boolean {
  return id in CANDIDATE_COLOURS;
}

export function baseLayout(theme: ChartTheme): Layout {
  const colours = themeColours(theme);
  return {
    paper_bgcolor: colours.background,
    plot_bgcolor: colours.background,
    font: { family: 'system-ui, -apple-system, "Segoe UI", sans-serif', size: 12, color: colours.text },
    margin: { l: 64, r: 24, t: 16, b: 48 },
    legend: { orientation: 'h', y: -0.2, font: { size: 11 } },
    hoverlabel: { font: { size: 12 } },
    autosize: true,
  };
}
