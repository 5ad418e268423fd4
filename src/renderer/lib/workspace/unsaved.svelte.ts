export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** The unsaved-changes question: asked by a command, answered by the dialog on screen. */
export class UnsavedQuestion {
  /** Set while the question is on screen. */
  pending: { resolve: (choice: UnsavedChoice) => void } | null = $state(null);

  /** Puts the question on screen and waits for the answer. */
  async ask(): Promise<UnsavedChoice> {
    const choice = await new Promise<UnsavedChoice>((resolve) => (this.pending = { resolve }));
    this.pending = null;
    return choice;
  }

  answer(choice: UnsavedChoice): void {
    this.pending?.resolve(choice);
  }
}
