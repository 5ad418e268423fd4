import { DEFAULT_LAW_PRESET, explainModel, lawFromPreset, LAW_PRESETS } from '../../model';
import {
  formatCount,
  formatLoss,
  formatPercent,
  formatRatio,
  formatScientific,
  parseQuantity,
  QuantityError,
} from '../../format/quantity';
import { choiceOption, parseArgs, type ParsedArgs } from '../args';
import { json, type Output } from '../output';
import { UsageError } from '../usage-error';

export const EXPLAIN_HELP = `Usage: tradeoff explain --params N --tokens D [--law PRESET] [--format table|json]

What a model of N parameters trained on D tokens is: its loss, the Chinchilla-optimal model of the
same loss, how much more training compute it spends than that model, and the lifetime inference
demand (tokens) at which it is exactly lifetime-optimal. N and D accept 8B, 15T, 8e9, 15,000,000,000.

  --law PRESET            a law preset (default ${DEFAULT_LAW_PRESET}; see 'tradeoff presets')
  --unique-tokens U       also the loss when only U unique tokens exist (data repeated; Muennighoff et al. 2023)`;

function quantityOption(args: ParsedArgs, name: string): number {
  const text = args.options.get(name);
  if (text === undefined) throw new UsageError(`explain needs --${name}`);
  try {
    const value = parseQuantity(text);
    if (!(value > 0)) throw new UsageError(`--${name} must be above 0 (got ${text})`);
    return value;
  } catch (error) {
    if (error instanceof QuantityError) throw new UsageError(`--${name}: ${error.message}`);
    throw error;
  }
}

export function runExplain(argv: readonly string[], output: Output): void {
  const args = parseArgs(argv, { options: ['params', 'tokens', 'law', 'format', 'unique-tokens'] });
  if (args.positionals.length > 0)
    throw new UsageError(`explain takes no files (got "${args.positionals[0]}")`);
  const format = choiceOption(args, 'format', ['table', 'json'] as const, 'table');
  const lawId = choiceOption(
    args,
    'law',
    LAW_PRESETS.map((preset) => preset.id),
    DEFAULT_LAW_PRESET,
  );
  const law = lawFromPreset(lawId);
  const model = { params: quantityOption(args, 'params'), tokens: quantityOption(args, 'tokens') };
  const uniqueTokens = args.options.has('unique-tokens') ? quantityOption(args, 'unique-tokens') : undefined;
  const explanation = explainModel(law, model, uniqueTokens);
  if (format === 'json') {
    output.out(json({ law: { id: law.id, label: law.label, source: law.source }, ...explanation }));
    return;
  }
  const equivalent = explanation.chinchillaEquivalent;
  const breakEven = explanation.breakEvenDemandTokens;
  output.out(
    [
      `A ${formatCount(model.params)}-parameter model on ${formatCount(model.tokens)} tokens (${formatRatio(explanation.tokensPerParam)} tokens/param), law ${law.id}`,
      `  loss                      ${formatLoss(explanation.loss, 6)}`,
      `  training compute          ${formatScientific(explanation.trainingFlops)} FLOPs`,
      `  Chinchilla-optimal twin   ${formatCount(equivalent.params)} params on ${formatCount(equivalent.tokens)} tokens (${formatRatio(equivalent.tokensPerParam)} tokens/param), ${formatScientific(equivalent.trainingFlops)} FLOPs`,
      `  training overhead         ${formatPercent(explanation.trainingOverhead)} more training compute than the twin`,
      breakEven === null
        ? '  lifetime-optimal at       no demand: it has fewer tokens per parameter than the compute-optimal model of its loss'
        : `  lifetime-optimal at       ${formatScientific(breakEven)} lifetime inference tokens (FLOPs objective)`,
      ...(explanation.dataLimit
        ? [
            `  with ${formatCount(explanation.dataLimit.uniqueTokens)} unique tokens`.padEnd(28) +
              `${formatRatio(explanation.dataLimit.epochs)} epochs, worth ${formatCount(explanation.dataLimit.effectiveTokens)} fresh tokens: loss ${formatLoss(explanation.dataLimit.loss, 6)}`,
          ]
        : []),
      `  source                    ${law.source}`,
    ].join('\n'),
  );
}
