import { GPU_PRESETS, LAW_PRESETS, type LawPreset } from '../../model';
import { formatScientific } from '../../format/quantity';
import { textTable } from '../../report/text-table';
import { choiceOption, parseArgs } from '../args';
import { json, type Output } from '../output';
import { UsageError } from '../usage-error';

export const PRESETS_HELP = `Usage: tradeoff presets [--format table|json]

Lists the scaling-law presets (with their constants, sources and published uncertainty: a
covariance for solve --uncertainty, or "none published") and the GPU presets (with their dated
typical prices, which a scenario that gives no price uses).`;

function constantsText(preset: LawPreset): string {
  if (preset.form === 'kaplan') {
    const k = preset.constants;
    return `αN ${k.alphaN}, αD ${k.alphaD}, Nc ${formatScientific(k.Nc)}, Dc ${formatScientific(k.Dc)}`;
  }
  const c = preset.constants;
  return `E ${+c.E.toFixed(4)}, A ${+c.A.toFixed(2)}, B ${+c.B.toFixed(2)}, α ${+c.alpha.toFixed(5)}, β ${+c.beta.toFixed(5)}`;
}

export function runPresets(argv: readonly string[], output: Output): void {
  const args = parseArgs(argv, { options: ['format'] });
  if (args.positionals.length > 0) throw new UsageError('presets takes no arguments');
  if (choiceOption(args, 'format', ['table', 'json'] as const, 'table') === 'json') {
    output.out(json({ laws: LAW_PRESETS, gpus: GPU_PRESETS }));
    return;
  }
  const laws = textTable(
    ['law', 'form', 'constants', 'uncertainty', 'source'],
    LAW_PRESETS.map((preset) => [
      preset.id,
      preset.form,
      constantsText(preset),
      preset.form === 'chinchilla' && preset.covariance ? 'covariance' : 'none published',
      preset.source,
    ]),
    5,
  );
  const uncertainty = LAW_PRESETS.map((preset) => `  ${preset.id}: ${preset.uncertainty}`).join('\n');
  const gpus = textTable(
    ['gpu', 'bf16 FLOP/s', 'fp8 FLOP/s', 'int8 OP/s', 'memory', 'bandwidth', 'typical price'],
    GPU_PRESETS.map((gpu) => [
      gpu.id,
      ...(['bf16', 'fp8', 'int8'] as const).map((dtype) => {
        const peak = gpu.peakFlops[dtype];
        return peak === undefined ? '—' : formatScientific(peak);
      }),
      `${gpu.memoryGB} GB`,
      `${gpu.bandwidthTBs} TB/s`,
      `$${gpu.price.perHour.toFixed(2)}/h (${gpu.price.date})`,
    ]),
  );
  output.out(
    `Scaling laws\n\n${laws}\n\nUncertainty of the constants\n\n${uncertainty}\n\nGPUs (dense peaks, no sparsity)\n\n${gpus}`,
  );
}
