/**
 * Crash safety: the page hands over its unsaved scenario every few seconds and it is kept under
 * userData, one file per document (`drafts/<id>.draft.json`), so a crash or power cut loses at
 * most those seconds of work and two documents never overwrite each other's draft. What a draft
 * looks like stored, its id and its limits are the browser version's too: src/shared/documents.ts.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  draftBody,
  DraftTooLargeError,
  isDraftId,
  MAX_DRAFT_BYTES,
  newDraftId,
  parseDraft,
  type DraftContent,
} from '../../src/shared/documents';
import type { Draft, DraftWriteResult } from '../../src/shared/ipc';
import { FileTooLargeError, NotTextError, readTextFile } from '../../src/files/read-text-file';
import { writeFileAtomic } from '../../src/files/write-file-atomic';

export const DRAFTS_FOLDER = 'drafts';
const DRAFT_SUFFIX = '.draft.json';
/** Where versions before per-document drafts kept their one draft, directly under userData. */
export const LEGACY_DRAFT_FILE = 'unsaved-scenario.draft.json';

export class Drafts {
  readonly folder: string;
  private readonly legacyFile: string;
  /**
   * Writes are chained per id so an older, slower write can never land after a newer one or a
   * clear of the same draft; drafts of different documents do not wait for each other.
   */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Ids this session wrote: the drafts to drop when the user closes without saving. */
  private readonly written = new Set<string>();
  private migrated: Promise<void> | undefined;

  constructor(userData: string) {
    this.folder = path.join(userData, DRAFTS_FOLDER);
    this.legacyFile = path.join(userData, LEGACY_DRAFT_FILE);
  }

  /** The file of a draft; throws for an id that is not one (it could name another path). */
  fileOf(id: string): string {
    if (!isDraftId(id)) throw new Error(`not a draft id: ${JSON.stringify(id).slice(0, 80)}`);
    return path.join(this.folder, `${id}${DRAFT_SUFFIX}`);
  }

  /** Rejects with DraftTooLargeError, and keeps the previous draft, when this one cannot fit. */
  save(id: string, draft: DraftContent, now = new Date()): Promise<void> {
    let file: string;
    let body: string;
    try {
      file = this.fileOf(id);
      body = draftBody(draft, now);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(id, async () => {
      await mkdir(this.folder, { recursive: true });
      await writeFileAtomic(file, body);
      this.written.add(id);
    });
  }

  /** Saves, answering how it went instead of rejecting: the reason is shown to the user. */
  async write(id: string, draft: DraftContent): Promise<DraftWriteResult> {
    try {
      await this.save(id, draft);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: writeFailure(error, this.folder) };
    }
  }

  clear(id: string): Promise<void> {
    let file: string;
    try {
      file = this.fileOf(id);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(id, async () => {
      await rm(file, { force: true });
      this.written.delete(id);
    });
  }

  /** Drops every draft this session wrote: its work was deliberately thrown away. */
  async clearWritten(): Promise<void> {
    await Promise.all([...this.written].map((id) => this.clear(id)));
  }

  /**
   * Every stored draft, newest first. A file that is not a draft of ours or is damaged (larger
   * than any draft written, or not text) is discarded; one that cannot be read (permissions,
   * I/O) is left alone and not offered.
   */
  async list(): Promise<Draft[]> {
    this.migrated ??= this.migrateLegacyDraft();
    await this.migrated;
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const ids = names
      .filter((name) => name.endsWith(DRAFT_SUFFIX))
      .map((name) => name.slice(0, -DRAFT_SUFFIX.length))
      .filter(isDraftId);
    const drafts = await Promise.all(ids.map((id) => this.load(id)));
    return drafts
      .filter((draft): draft is Draft => draft !== null)
      .sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
  }

  /** The draft of `id`, or null when there is none or it was damaged (and is now removed). */
  async load(id: string): Promise<Draft | null> {
    const file = this.fileOf(id);
    await this.queues.get(id);
    let raw: string | null;
    try {
      ({ text: raw } = await readTextFile(file, MAX_DRAFT_BYTES));
    } catch (error) {
      if (error instanceof FileTooLargeError || error instanceof NotTextError) raw = null;
      else return null;
    }
    const draft = raw === null ? null : parseDraft(raw, id);
    if (!draft) await this.clear(id);
    return draft;
  }

  /** Moves the single draft of older versions into the folder, under a fresh id, once. */
  private async migrateLegacyDraft(): Promise<void> {
    try {
      await mkdir(this.folder, { recursive: true });
      await rename(this.legacyFile, this.fileOf(newDraftId()));
    } catch {
      // No old draft (the usual case), or it cannot be moved now: it stays where it is, untouched.
    }
  }

  private enqueue(id: string, task: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(id) ?? Promise.resolve()).then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    // The chain of a draft nobody writes any more is forgotten.
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** Why a draft write failed, in words for the notice "Unsaved changes are not being backed up: …". */
export function writeFailure(error: unknown, folder: string): string {
  if (error instanceof DraftTooLargeError) return error.message;
  switch (errorCode(error)) {
    case 'ENOSPC':
      return `the disk is full (${folder})`;
    case 'EDQUOT':
      return `the disk quota is used up (${folder})`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write to ${folder}`;
    case 'EROFS':
      return `the disk is read-only (${folder})`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
