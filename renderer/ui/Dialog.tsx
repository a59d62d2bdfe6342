import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Called on Escape and by the parent's own Cancel/Close buttons. */
  onClose: () => void;
  children: ReactNode;
  /** 'alertdialog' for a question that needs an answer before anything else (a confirmation, an error). */
  role?: 'dialog' | 'alertdialog';
  /** The id of the text that says what the dialog is about, read out when it opens. */
  describedBy?: string;
  testId?: string;
}

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the
 * rest of the page inert (so Tab stays inside) and turns Escape into a
 * `cancel` event, which we route to `onClose` so the parent owns the state.
 * Focus goes back to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, role = 'dialog', describedBy, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
    autofocus?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
