/**
 * Crash safety: the page hands over its unsaved scenario every few seconds and it is kept in one
 * file under userData, so a crash or power cut loses at most those seconds of work.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SCENARIO_BYTES } from '../../src/scenario';
import type { Draft } from '../../src/shared/ipc';
import { readTextFile, writeFileAtomic } from './files';

const DRAFT_FILE = 'unsaved-scenario.draft.json';
const FORMAT = 'tradeoff-draft';
/**
 * The most a draft file may hold: a scenario and the fields as typed, each up to
 * MAX_SCENARIO_BYTES characters and JSON-escaped inside the envelope. Checked when writing, so
 * that every draft written can be read back.
 */
const MAX_DRAFT_BYTES = MAX_SCENARIO_BYTES * 4 + 1024;

export class DraftTooLargeError extends Error {
  constructor() {
    super(`the unsaved scenario is larger than a draft can hold (${MAX_DRAFT_BYTES} bytes)`);
    this.name = 'DraftTooLargeError';
  }
}

interface StoredDraft extends Draft {
  readonly format: typeof FORMAT;
}

export class Drafts {
  readonly file: string;
  // Writes are chained so an older, slower write can never land after a newer one or a clear.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly folder: string) {
    this.file = path.join(folder, DRAFT_FILE);
  }

  save(draft: { path: string | null; text: string; form?: string }, now = new Date()): Promise<void> {
    const stored: StoredDraft = {
      format: FORMAT,
      path: draft.path,
      text: draft.text,
      ...(draft.form === undefined ? {} : { form: draft.form }),
      savedAt: now.toISOString(),
    };
    const fits = (body: string) => Buffer.byteLength(body) <= MAX_DRAFT_BYTES;
    let body = `${JSON.stringify(stored)}\n`;
    // The last valid scenario matters most: the fields as typed go first when both do not fit.
    if (!fits(body)) body = `${JSON.stringify({ ...stored, form: undefined })}\n`;
    if (!fits(body)) return Promise.reject(new DraftTooLargeError());
    return this.enqueue(async () => {
      await mkdir(this.folder, { recursive: true });
      await writeFileAtomic(this.file, body);
    });
  }

  clear(): Promise<void> {
    return this.enqueue(() => rm(this.file, { force: true }));
  }

  /**
   * The stored draft, or null when there is none. A draft that is not ours or is damaged is
   * discarded; one that cannot be read (permissions, I/O) is left alone and the error reported.
   */
  async load(): Promise<Draft | null> {
    await this.queue;
    let raw: string;
    try {
      raw = await readTextFile(this.file, MAX_DRAFT_BYTES);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    }
    const draft = parseDraft(raw);
    if (!draft) await this.clear();
    return draft;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function parseDraft(raw: string): Draft | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { format, path: filePath, text, form, savedAt } = value as Record<string, unknown>;
  if (format !== FORMAT || typeof text !== 'string' || typeof savedAt !== 'string') return null;
  if (filePath !== null && typeof filePath !== 'string') return null;
  if (form !== undefined && typeof form !== 'string') return null;
  return { path: filePath, text, ...(form === undefined ? {} : { form }), savedAt };
}
