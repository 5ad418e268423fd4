import { describe, expect, it } from 'vitest';
import { UnsavedQuestion } from '../../../src/renderer/lib/workspace/unsaved.svelte';

describe('the unsaved-changes question', () => {
  it('is on screen from the question to the answer', async () => {
    const question = new UnsavedQuestion();
    expect(question.pending).toBeNull();
    const asked = question.ask();
    expect(question.pending).not.toBeNull();
    question.answer('discard');
    expect(await asked).toBe('discard');
    expect(question.pending).toBeNull();
  });

  it('ignores an answer nobody asked for', () => {
    const question = new UnsavedQuestion();
    expect(() => question.answer('save')).not.toThrow();
    expect(question.pending).toBeNull();
  });
});
