/**
 * Crash safety: the page hands over its unsaved scenario every few seconds and it is kept in one
 * file under userData, so a crash or power cut loses at most those seconds of work. What a draft
 * looks like stored, and its limits, are the browser version's too: src/shared/documents.ts.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { draftBody, MAX_DRAFT_BYTES, parseDraft, type DraftContent } from '../../src/shared/documents';
import type { Draft } from '../../src/shared/ipc';
import { FileTooLargeError, NotTextError, readTextFile } from '../../src/files/read-text-file';
import { writeFileAtomic } from '../../src/files/write-file-atomic';

const DRAFT_FILE = 'unsaved-scenario.draft.json';

export class Drafts {
  readonly file: string;
  // Writes are chained so an older, slower write can never land after a newer one or a clear.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly folder: string) {
    this.file = path.join(folder, DRAFT_FILE);
  }

  /** Rejects with DraftTooLargeError, and keeps the previous draft, when this one cannot fit. */
  save(draft: DraftContent, now = new Date()): Promise<void> {
    let body: string;
    try {
      body = draftBody(draft, now);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(async () => {
      await mkdir(this.folder, { recursive: true });
      await writeFileAtomic(this.file, body);
    });
  }

  clear(): Promise<void> {
    return this.enqueue(() => rm(this.file, { force: true }));
  }

  /**
   * The stored draft, or null when there is none. A draft that is not ours or is damaged (larger
   * than any draft written, or not text) is discarded; one that cannot be read (permissions, I/O)
   * is left alone and the error reported.
   */
  async load(): Promise<Draft | null> {
    await this.queue;
    let raw: string | null;
    try {
      ({ text: raw } = await readTextFile(this.file, MAX_DRAFT_BYTES));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      if (!(error instanceof FileTooLargeError || error instanceof NotTextError)) throw error;
      raw = null;
    }
    const draft = raw === null ? null : parseDraft(raw);
    if (!draft) await this.clear();
    return draft;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
