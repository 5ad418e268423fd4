import { MAX_SCENARIO_BYTES, parseScenarioText, type Scenario, type ScenarioResult } from '../../../scenario';
import { newDraftId } from '../../../shared/documents';
import type { DesktopApi, Draft, DraftRequest, DraftWriteResult } from '../../../shared/ipc';
import { formFromScenario, type ScenarioForm } from '../form';
import { restoreForm } from '../form-restore';

export type DraftApi = Pick<DesktopApi, 'listDrafts' | 'setDraft' | 'clearDraft'>;

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
): Omit<DraftRequest, 'id'> | 'clear' | undefined {
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

/** What the notice says while drafts cannot be written, followed by the reason. */
export const NOT_BACKED_UP = 'Unsaved changes are not being backed up';

/**
 * Crash safety: a draft of the open document's unsaved work, written once edits settle under the
 * document's own id, and the drafts left by crashes (or closed tabs) on offer. A draft is removed
 * only when the user restores it (it then becomes the document's draft) or discards it, or once
 * its work is saved or deliberately thrown away.
 */
export class Drafts {
  /** Drafts a previous session or a closed tab left, newest first, on offer until restored or discarded. */
  recoverable: Draft[] = $state([]);
  /** Why the last draft write failed, until one succeeds; null while drafts are being kept. */
  failure: string | null = $state(null);
  /** The open document's draft id. */
  #id = newDraftId();
  /** Whether a draft of the open document may be stored (written, or restored): only then is one cleared. */
  #stored = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: DraftApi,
    private readonly delayMs = DRAFT_DELAY_MS,
  ) {}

  get id(): string {
    return this.#id;
  }

  async load(): Promise<void> {
    const listed = await this.api.listDrafts();
    // The open document's own draft is its backup, not something to offer back.
    this.recoverable = listed.filter((draft) => draft.id !== this.#id);
  }

  /**
   * Keeps a draft of the document once edits settle, or clears it once nothing is unsaved. Reads
   * the document at once (so that a reactive caller re-runs on every edit), writes later.
   */
  schedule(doc: DraftSource, lastValid: Scenario | undefined): void {
    clearTimeout(this.#timer);
    const draft = draftOf(doc, lastValid);
    // Nothing unsaved: nothing is at risk while no draft can be written.
    if (draft === 'clear') this.failure = null;
    // A clean document that never stored a draft has none to clear: above all, a new document
    // at start must not touch the drafts on offer.
    if (draft === undefined || (draft === 'clear' && !this.#stored)) return;
    const id = this.#id;
    this.#timer = setTimeout(() => {
      if (draft === 'clear') this.#clear(id);
      else void this.#write({ ...draft, id });
    }, this.delayMs);
  }

  /**
   * Takes a draft off the offer, read back, and makes it the open document's draft; one that
   * cannot be read is removed instead. Undefined when no such draft is on offer.
   */
  take(id: string): RecoveredDraft | undefined {
    const draft = this.recoverable.find((candidate) => candidate.id === id);
    if (!draft) return undefined;
    const recovered = readDraft(draft);
    if (!recovered.ok) {
      this.discard(id);
      return recovered;
    }
    this.recoverable = this.recoverable.filter((candidate) => candidate !== draft);
    clearTimeout(this.#timer);
    this.#id = draft.id;
    this.#stored = true;
    return recovered;
  }

  /** Declines a draft on offer, and removes it. */
  discard(id: string): void {
    this.recoverable = this.recoverable.filter((draft) => draft.id !== id);
    this.#clear(id);
  }

  /** Removes the open document's draft: its work was saved, or thrown away on purpose. */
  clear(): void {
    clearTimeout(this.#timer);
    this.failure = null;
    if (this.#stored) this.#clear(this.#id);
  }

  /** A new document replaces the open one (whose draft is cleared): it gets a draft id of its own. */
  startDocument(): void {
    this.clear();
    this.#id = newDraftId();
  }

  #clear(id: string): void {
    if (id === this.#id) this.#stored = false;
    void this.api.clearDraft(id).catch(() => undefined);
  }

  async #write(draft: DraftRequest): Promise<void> {
    if (draft.id === this.#id) this.#stored = true;
    let result: DraftWriteResult;
    try {
      result = await this.api.setDraft(draft);
    } catch (error) {
      result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    this.failure = result.ok ? null : result.reason;
  }
}
