/**
 * Save and Save As for scenarios: only to files the user chose, never silently over another
 * program's changes or a read-only file, and never a file too large to open again.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { MAX_SCENARIO_BYTES, SCENARIO_EXTENSION, type Scenario } from '../../src/scenario';
import { hasChanged, stampOf, stampOnDisk } from '../../src/files/file-stamp';
import { ReadOnlyFileError, writeFileAtomic } from '../../src/files/write-file-atomic';
import {
  SCENARIO_FILE_TYPE,
  scenarioFileName,
  scenarioFileText,
  withExtension,
} from '../../src/shared/documents';
import type { SavedFile, SaveReply } from '../../src/shared/ipc';
import type { Documents } from './documents';
import { fileFilters } from './file-filters';
import { askAboutConflict, confirmReload } from './save-conflict';

export class ScenarioSaver {
  /** `isDirty` says whether the window's document has unsaved changes (Reload then asks first). */
  constructor(
    private readonly documents: Documents,
    private readonly isDirty: (win: BrowserWindow) => boolean,
  ) {}

  /** Save: in place to a granted file (asking first if it changed on disk), or Save As without one. */
  async save(win: BrowserWindow, target: string | null, scenario: Scenario): Promise<SaveReply> {
    if (target === null) return this.saveAs(win, null, scenario);
    const text = scenarioFileText(scenario);
    if (!this.documents.isGranted(target)) {
      throw new Error(
        `${path.basename(target)} was not opened in this session; use Save As to choose a location`,
      );
    }
    // A file this window never read (a recovered draft's) has nothing to compare with.
    const remembered = this.documents.versions.get(win, target);
    const current = remembered ? await stampOnDisk(target, MAX_SCENARIO_BYTES) : undefined;
    if (remembered && current !== undefined && hasChanged(remembered, current)) {
      const choice = await askAboutConflict(win, target, current === null);
      if (choice === 'cancel') return null;
      if (choice === 'saveAs') return this.saveAs(win, target, scenario);
      if (choice === 'reload') {
        if (this.isDirty(win) && !(await confirmReload(win, target))) return null;
        return { reloaded: await this.documents.open(target, win) };
      }
    }
    return this.write(win, target, text);
  }

  /** Always asks where, starting from the document's own file when it has one; null if cancelled. */
  async saveAs(win: BrowserWindow, current: string | null, scenario: Scenario): Promise<SavedFile | null> {
    const text = scenarioFileText(scenario);
    const defaultPath =
      current && this.documents.isGranted(current)
        ? current
        : path.join(app.getPath('documents'), scenarioFileName(scenario.name));
    const choice = await dialog.showSaveDialog(win, {
      defaultPath,
      filters: fileFilters(SCENARIO_FILE_TYPE),
    });
    if (choice.canceled || !choice.filePath) return null;
    return this.write(win, withExtension(choice.filePath, SCENARIO_EXTENSION), text);
  }

  /** Writes atomically and remembers what is now on disk, so the next Save checks against it. */
  private async write(win: BrowserWindow, target: string, text: string): Promise<SavedFile> {
    try {
      await writeFileAtomic(target, text);
    } catch (error) {
      if (error instanceof ReadOnlyFileError) {
        throw new Error(`${error.message}; use Save As to save a copy elsewhere`, { cause: error });
      }
      throw error;
    }
    const resolved = this.documents.grant(target);
    const { mtimeMs } = await stat(resolved);
    this.documents.versions.remember(win, resolved, stampOf(new TextEncoder().encode(text), mtimeMs));
    return { path: resolved };
  }
}
