/* The pieces the users and API keys panels (and their flyouts) share. */
import React, { useState } from 'react';
import { EuiBadge, EuiButton, EuiCallOut, EuiConfirmModal, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText, EuiTitle } from '@opensearch-project/oui';
import { errorMessage } from './security_api';

/** A refused request, in red above what it concerns; nothing when there is no error. */
export const ErrorCallout: React.FunctionComponent<{ error?: string; 'data-test-subj': string }> = ({ error, ...rest }) =>
  error ? (
    <>
      <EuiCallOut color="danger" iconType="alert" title={error} role="alert" data-test-subj={rest['data-test-subj']} />
      <EuiSpacer size="m" />
    </>
  ) : null;

export interface PanelHeaderProps {
  /** The heading's id, for the section's `aria-labelledby`. */
  titleId: string;
  title: string;
  createLabel: string;
  onCreate(): void;
  createTestSubj: string;
}

/** A panel's heading with its create button on the right. */
export const PanelHeader: React.FunctionComponent<PanelHeaderProps> = ({ titleId, title, createLabel, onCreate, createTestSubj }) => (
  <>
    <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" responsive={false}>
      <EuiFlexItem grow={false}>
        <EuiTitle size="s">
          <h2 id={titleId}>{title}</h2>
        </EuiTitle>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButton iconType="plusInCircle" onClick={onCreate} data-test-subj={createTestSubj}>
          {createLabel}
        </EuiButton>
      </EuiFlexItem>
    </EuiFlexGroup>
    <EuiSpacer size="m" />
  </>
);

/** A table cell's roles as badges. */
export const RoleBadges: React.FunctionComponent<{ roles: readonly string[] }> = ({ roles }) => (
  <>{roles.length ? roles.map((role) => <EuiBadge key={role}>{role}</EuiBadge>) : <EuiText size="s" color="subdued">No roles</EuiText>}</>
);

export interface ConfirmedAction<T> {
  /** The row awaiting the user's answer. */
  pending?: T;
  busy: boolean;
  ask(item: T): void;
  cancel(): void;
  confirm(): Promise<void>;
}

/**
 * A destructive action on one row, asked first (render `ConfirmActionModal`). `perform` runs on confirm,
 * with the button busy; `settled` follows either way, with the failure as a sentence, once the modal closed.
 */
export function useConfirmedAction<T>(perform: (item: T) => Promise<void>, settled: (error?: string) => void): ConfirmedAction<T> {
  const [pending, setPending] = useState<T>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (pending === undefined) return;
    setBusy(true);
    let error: string | undefined;
    try {
      await perform(pending);
    } catch (e) {
      error = errorMessage(e);
    }
    setBusy(false);
    setPending(undefined);
    settled(error);
  };
  return { pending, busy, ask: setPending, cancel: () => setPending(undefined), confirm };
}

export interface ConfirmActionModalProps<T> {
  action: ConfirmedAction<T>;
  title(item: T): string;
  confirmButtonText: string;
  'data-test-subj': string;
}

/** The question of a `useConfirmedAction`, Cancel focused; nothing while no row is pending. */
export function ConfirmActionModal<T>({ action, title, confirmButtonText, children, ...rest }: React.PropsWithChildren<ConfirmActionModalProps<T>>) {
  if (action.pending === undefined) return null;
  return (
    <EuiConfirmModal
      title={title(action.pending)}
      onCancel={action.cancel}
      onConfirm={action.confirm}
      cancelButtonText="Cancel"
      confirmButtonText={confirmButtonText}
      buttonColor="danger"
      defaultFocusedButton="cancel"
      isLoading={action.busy}
      data-test-subj={rest['data-test-subj']}
    >
      {children}
    </EuiConfirmModal>
  );
}
