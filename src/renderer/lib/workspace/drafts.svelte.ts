import { MAX_SCENARIO_BYTES, parseScenarioText, type Scenario, type ScenarioResult } from '../../../scenario';
import type { DesktopApi, Draft, DraftRequest } from '../../../shared/ipc';
import { formFromScenario, type ScenarioForm } from '../form';
import { restoreForm } from '../form-restore';

export type DraftApi = Pick<DesktopApi, 'getDraft' | 'setDraft' | 'clearDraft'>;

/** How long edits settle before the crash-safety draft is written. */
export const DRAFT_DELAY_MS = 400;

/** What a draft is made from: the open document as it is now. */
export interface DraftSource {
  readonly result: ScenarioResult;
  readonly dirty: boolean;
  readonly path: string | null;
  readonly form: ScenarioForm;
}

/**
 * The draft to keep for a document: none to keep ('clear') once nothing is unsaved; else its
 * scenario, or while the fields do not make one, the last valid scenario with the fields as typed
 * beside it (left out when larger than a draft takes, rather than losing the whole draft).
 * Undefined when there is nothing valid to keep yet.
 */
export function draftOf(
  doc: DraftSource,
  lastValid: Scenario | undefined,
): DraftRequest | 'clear' | undefined {
  if (!doc.dirty) return 'clear';
  const scenario = doc.result.ok ? doc.result.scenario : lastValid;
  if (!scenario) return undefined;
  const typed = doc.result.ok ? undefined : JSON.stringify(doc.form);
  const form = typed !== undefined && typed.length <= MAX_SCENARIO_BYTES ? typed : undefined;
  return { path: doc.path, scenario, ...(form === undefined ? {} : { form }) };
}

/** A draft read back: its scenario and, when it kept them, the fields as typed over it. */
export type RecoveredDraft =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly path: string | null;
      readonly form?: ScenarioForm;
    }
  | { readonly ok: false };

export function readDraft(draft: Draft): RecoveredDraft {
  const parsed = parseScenarioText(draft.text);
  if (!parsed.ok) return { ok: false };
  const form = typedForm(parsed.scenario, draft.form);
  return { ok: true, scenario: parsed.scenario, path: draft.path, ...(form ? { form } : {}) };
}

/** The fields as typed that a draft kept over its scenario, when it kept any that still parse. */
function typedForm(scenario: Scenario, form: string | undefined): ScenarioForm | undefined {
  if (form === undefined) return undefined;
  try {
    return restoreForm(formFromScenario(scenario), JSON.parse(form));
  } catch {
    return undefined;
  }
}

/** Crash safety: a draft of unsaved work, written once edits settle, and one left by a crash on offer. */
export class Drafts {
  /** The draft a previous session left, on offer until restored or discarded. */
  recoverable: Draft | null = $state(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: DraftApi,
    private readonly delayMs = DRAFT_DELAY_MS,
  ) {}

  async load(): Promise<void> {
    this.recoverable = await this.api.getDraft();
  }

  /**
   * Keeps a draft of the document once edits settle, or clears it once nothing is unsaved. Reads
   * the document at once (so that a reactive caller re-runs on every edit), writes later.
   */
  schedule(doc: DraftSource, lastValid: Scenario | undefined): void {
    clearTimeout(this.#timer);
    const draft = draftOf(doc, lastValid);
    this.#timer = setTimeout(() => {
      if (draft === 'clear') void this.api.clearDraft();
      else if (draft) void this.api.setDraft(draft).catch(() => undefined);
    }, this.delayMs);
  }

  /** Takes the draft on offer off it, read back; undefined when none was on offer. */
  take(): RecoveredDraft | undefined {
    const draft = this.recoverable;
    this.recoverable = null;
    return draft ? readDraft(draft) : undefined;
  }

  /** Declines the draft on offer, and forgets it. */
  discard(): void {
    this.recoverable = null;
    this.clear();
  }

  clear(): void {
    void this.api.clearDraft();
  }
}
