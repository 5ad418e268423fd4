/**
 * The one way the app's dialogs open and close, as a Svelte action on their `<dialog>`: modally,
 * with the focus on the element marked `data-initial-focus` (else the browser's choice, the first
 * one that takes focus), and when the dialog leaves the page the focus goes back to where it was
 * when the dialog opened. The browser restores it only for a dialog that is close()d; ours are
 * usually removed by Svelte instead, which would leave the focus on the page's body.
 */
export function modal(dialog: HTMLDialogElement): { destroy(): void } {
  const opener = document.activeElement;
  dialog.showModal();
  dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  return {
    destroy() {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
  };
}
