/**
 * WCAG 2.1's contrast ratio of two colours, as CSS writes them: `#rrggbb`, or `rgb(…)`/`rgba(…)`
 * as computed styles report them (alpha ignored: every colour checked here is opaque).
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function channels(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(colour);
  if (hex)
    return [hex[1], hex[2], hex[3]].map((part) => parseInt(part ?? '', 16)) as [number, number, number];
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
  throw new Error(`not a colour this check reads: "${colour}"`);
}

/** Relative luminance (WCAG 2.1, with its 0.03928 threshold). */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
