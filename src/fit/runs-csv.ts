import Papa from 'papaparse';
import { parseQuantity, QuantityError } from '../format/quantity';
import type { TrainingRun } from '../model/fit/runs';

/**
 * Reads a CSV of finished training runs, one row per run. Header names are matched
 * case-insensitively and exactly (so Sardana et al.'s `Tokens/Params` is not `tokens`): parameters
 * `params`, `parameters` or `N`; training tokens `tokens` or `D`, or training FLOPs `flops` or `C`
 * (then D = C / 6N, Kaplan et al. 2020 §2.1); final loss `loss`, `final loss` or `smoothed loss`.
 * Other columns are ignored. Cells take quantities as people type them (`150M`, `1.5T`).
 */

export class RunsCsvError extends Error {
  override readonly name = 'RunsCsvError';
}

export const PARAMS_HEADERS = ['params', 'parameters', 'n'] as const;
export const TOKENS_HEADERS = ['tokens', 'd'] as const;
export const FLOPS_HEADERS = ['flops', 'c'] as const;
export const LOSS_HEADERS = ['loss', 'final loss', 'smoothed loss'] as const;

/** A run and the line of the file it came from (1-based, the header being line 1). */
export interface CsvRun extends TrainingRun {
  readonly line: number;
}

/** The one column whose header is among `names`, or null; two such columns are ambiguous. */
function findColumn(headers: readonly string[], names: readonly string[], what: string): number | null {
  const matches = headers.flatMap((header, index) =>
    names.includes(header.trim().toLowerCase()) ? [index] : [],
  );
  if (matches.length > 1) {
    throw new RunsCsvError(
      `line 1: columns ${matches.map((i) => `"${headers[i]?.trim()}"`).join(' and ')} both give ${what}; keep one`,
    );
  }
  return matches[0] ?? null;
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

export function parseRunsCsv(text: string): CsvRun[] {
  const rows: { cells: string[]; line: number }[] = [];
  // papaparse reports where each row ends; a row starts after the previous one's line break, and
  // its line is 1 + the line breaks before it (counted once, as the rows go by), which stays
  // right when a quoted cell spans lines.
  let breaks = 0;
  let counted = 0;
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result) => {
      for (; counted < rowStart; counted++) if (text.charCodeAt(counted) === 10) breaks++;
      const line = breaks + 1;
      rowStart = result.meta.cursor;
      while (rowStart < text.length && (text[rowStart] === '\r' || text[rowStart] === '\n')) {
        if (text[rowStart++] === '\n') break;
      }
      const error = result.errors[0];
      if (error && error.type === 'Quotes')
        throw new RunsCsvError(`line ${line}: ${error.message.toLowerCase()}`);
      rows.push({ cells: result.data, line });
    },
  });
  const nonEmpty = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) throw new RunsCsvError('the file is empty; expected a header line and one row per run');
  const headers = header.cells;
  const paramsColumn = findColumn(headers, PARAMS_HEADERS, 'parameters');
  const tokensColumn = findColumn(headers, TOKENS_HEADERS, 'training tokens');
  const flopsColumn = findColumn(headers, FLOPS_HEADERS, 'training FLOPs');
  const lossColumn = findColumn(headers, LOSS_HEADERS, 'the final loss');
  const missing: string[] = [];
  if (paramsColumn === null) missing.push(`parameters (${quoted(PARAMS_HEADERS)})`);
  if (tokensColumn === null && flopsColumn === null) {
    missing.push(`training tokens (${quoted(TOKENS_HEADERS)}) or training FLOPs (${quoted(FLOPS_HEADERS)})`);
  }
  if (lossColumn === null) missing.push(`final loss (${quoted(LOSS_HEADERS)})`);
  if (paramsColumn === null || lossColumn === null || (tokensColumn === null && flopsColumn === null)) {
    throw new RunsCsvError(
      `line ${header.line}: no column for ${missing.join(', ')}; the header has ${headers.map((h) => `"${h.trim()}"`).join(', ')}`,
    );
  }
  const value = (row: { cells: string[]; line: number }, column: number): number => {
    const name = (headers[column] ?? '').trim();
    const cell = row.cells[column];
    if (cell === undefined || cell.trim() === '')
      throw new RunsCsvError(`line ${row.line}, column "${name}": empty`);
    let quantity: number;
    try {
      quantity = parseQuantity(cell);
    } catch (error) {
      if (error instanceof QuantityError)
        throw new RunsCsvError(`line ${row.line}, column "${name}": ${error.message}`);
      throw error;
    }
    if (!(quantity > 0))
      throw new RunsCsvError(`line ${row.line}, column "${name}": must be positive (got ${cell.trim()})`);
    return quantity;
  };
  return nonEmpty.slice(1).map((row) => {
    if (row.cells.length !== headers.length) {
      throw new RunsCsvError(
        `line ${row.line}: ${row.cells.length} fields, but the header has ${headers.length}`,
      );
    }
    const params = value(row, paramsColumn);
    const tokens =
      tokensColumn !== null ? value(row, tokensColumn) : value(row, flopsColumn as number) / (6 * params);
    return { params, tokens, loss: value(row, lossColumn), line: row.line };
  });
}
