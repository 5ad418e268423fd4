/** The one line that tells the user what just happened (opened, saved, failed…), until dismissed. */
export interface Status {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

export class StatusLine {
  current: Status | null = $state(null);

  report(kind: Status['kind'], text: string): void {
    this.current = { kind, text };
  }

  dismiss(): void {
    this.current = null;
  }

  /**
   * Runs an operation that may fail (a file, the preferences), turning a rejection into an error
   * on the line: "Save failed: disk full". Undefined when it failed.
   */
  async guard<T>(action: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.report('error', `${action} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
