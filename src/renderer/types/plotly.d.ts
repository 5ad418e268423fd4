/**
 * The part of plotly.js the app uses. plotly.js-dist-min ships no types, and @types/plotly.js
 * targets a different build; these few signatures are checked against the calls we make.
 */
declare module 'plotly.js-dist-min' {
  export type Datum = number | string | null;

  export interface PlotData {
    type?: 'scatter' | 'bar';
    mode?: string;
    name?: string;
    /** Stable identities of the points (plotly keeps them across updates). */
    ids?: string[];
    /** A stable identity of the trace. */
    uid?: string;
    x?: Datum[];
    y?: Datum[];
    text?: string[] | string;
    hovertext?: string[] | string;
    hovertemplate?: string;
    hoverinfo?: string;
    textposition?: string | string[];
    textfont?: Record<string, unknown>;
    marker?: Record<string, unknown>;
    line?: Record<string, unknown>;
    fill?: string;
    fillcolor?: string;
    stackgroup?: string;
    showlegend?: boolean;
    orientation?: 'v' | 'h';
    xaxis?: string;
    yaxis?: string;
    cliponaxis?: boolean;
    connectgaps?: boolean;
  }

  export type Layout = Record<string, unknown>;
  export type Config = Record<string, unknown>;

  export interface ImageOptions {
    format: 'png' | 'svg';
    filename: string;
    width?: number;
    height?: number;
    scale?: number;
  }

  const Plotly: {
    react(root: HTMLElement, data: PlotData[], layout: Layout, config?: Config): Promise<HTMLElement>;
    purge(root: HTMLElement): void;
    toImage(
      root: HTMLElement | { data: PlotData[]; layout: Layout },
      options: Omit<ImageOptions, 'filename'>,
    ): Promise<string>;
  };
  export default Plotly;
}
