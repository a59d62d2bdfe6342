import { useId } from 'react';
import { Dialog } from './Dialog';

/** Tells the clinician why something did not happen, in the store's own words, and waits for OK. */
export function AlertDialog({ title, message, onClose }: { title: string; message: string; onClose: () => void }) {
  const messageId = useId();
  return (
    <Dialog title={title} onClose={onClose} role="alertdialog" describedBy={messageId} testId="alert-dialog">
      <p id={messageId} className="dialog-message dialog-preformatted">
        {message}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          OK
        </button>
      </div>
    </Dialog>
  );
}
