/**
 * WCAG 2.1 AA contrast of the app's colours in both themes, from app.css and the chart theme:
 * text 4.5:1 on every surface it is drawn on, focus rings 3:1 (1.4.11). axe checks what one page
 * shows; this checks every pairing the stylesheet makes, including states axe may not see.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeColours } from '../../src/renderer/charts/theme';
import { contrastRatio } from '../support/contrast';

const css = readFileSync(new URL('../../src/renderer/app.css', import.meta.url), 'utf8');

/** The custom properties a theme's block sets; dark overrides light's. */
function palette(theme: 'light' | 'dark'): Record<string, string> {
  const block = (selector: string) => {
    const start = css.indexOf(`${selector} {`);
    if (start < 0) throw new Error(`no ${selector} block in app.css`);
    const body = css.slice(start, css.indexOf('}', start));
    return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
  };
  const light = block(':root');
  return theme === 'light' ? light : { ...light, ...block(":root[data-theme='dark']") };
}

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  const colours = palette(theme);
  const ratio = (foreground: string, background: string) => {
    const [a, b] = [colours[foreground], colours[background]];
    if (!a || !b) throw new Error(`app.css sets no --${a ? background : foreground}`);
    return contrastRatio(a, b);
  };

  it.each([
    ['text', 'bg'],
    ['text', 'panel'],
    ['text', 'info-bg'],
    ['text', 'input-bg'],
    ['muted', 'bg'],
    ['muted', 'panel'],
    ['muted', 'info-bg'],
    ['accent', 'panel'],
    ['accent', 'bg'],
    ['on-accent', 'accent'],
    ['danger', 'panel'],
    ['danger', 'danger-bg'],
    ['panel', 'danger'],
  ])('sets --%s on --%s at 4.5:1 or more', (foreground, background) => {
    expect(ratio(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([['bg'], ['panel'], ['info-bg']])('draws the focus ring 3:1 or more on --%s', (background) => {
    expect(ratio('focus-ring', background)).toBeGreaterThanOrEqual(3);
  });

  it('writes the charts’ text and tick labels at 4.5:1 or more on their background', () => {
    const chart = themeColours(theme);
    expect(contrastRatio(chart.text, chart.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(chart.muted, chart.background)).toBeGreaterThanOrEqual(4.5);
    // The chart panels are the page's panels: the same colour behind the plot as around it.
    expect(chart.background).toBe(colours['panel']);
  });
});

describe('the contrast ratio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself, whichever way round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('rgb(255, 255, 255)', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#2563eb', 'rgba(37, 99, 235, 1)')).toBe(1);
  });

  it('matches WebAIM’s figure for #767676 on white, the lightest grey that passes AA', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(() => contrastRatio('blue', '#ffffff')).toThrow('not a colour this check reads: "blue"');
  });
});
