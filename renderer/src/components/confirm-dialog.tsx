import type { ReactNode } from 'react';
import { useAction } from '../hooks/use-action';
import { Dialog } from './dialog';
import { ErrorBanner } from './error-banner';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** The write to make; the dialog stays open and shows the agent's message if it fails. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** Asks before a write that is hard to take back. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const action = useAction();
  const confirm = async () => {
    const done = await action.run('confirm', async () => {
      await props.onConfirm();
      return true;
    });
    if (done) props.onClose();
  };
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose} disabled={action.busy !== null}>
            {props.cancelLabel ?? 'Cancel'}
          </button>
          <button
            type="button"
            className={props.danger ? 'danger' : 'primary'}
            onClick={() => void confirm()}
            disabled={action.busy !== null}
          >
            {action.busy ? 'Working…' : props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      <ErrorBanner message={action.error} />
    </Dialog>
  );
}
