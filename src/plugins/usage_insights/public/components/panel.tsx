import React from 'react';
import { EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiLoadingChart, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@opensearch-project/oui';
import type { ApiState } from './use_api';

export interface InsightsPanelProps<T> {
  title: string;
  description: string;
  state: ApiState<T>;
  /** Whether an answer has nothing to show (then `emptyMessage` replaces the content). */
  isEmpty(data: T): boolean;
  emptyMessage: string;
  testSubj: string;
  /** Controls shown at the right of the title. */
  controls?: React.ReactNode;
  children(data: T): React.ReactNode;
}

/** A titled panel with the loading, error and empty states every chart and table of the page shares. */
export function InsightsPanel<T>({ title, description, state, isEmpty, emptyMessage, testSubj, controls, children }: InsightsPanelProps<T>) {
  let body: React.ReactNode;
  if (state.status === 'loading') {
    body = (
      <EuiFlexGroup justifyContent="center" alignItems="center" style={{ minHeight: 200 }} data-test-subj={`${testSubj}-loading`}>
        <EuiFlexItem grow={false}>
          <EuiLoadingChart size="xl" />
        </EuiFlexItem>
      </EuiFlexGroup>
    );
  } else if (state.status === 'error') {
    body = (
      <EuiCallOut title="Could not load this part" color="danger" iconType="alert" data-test-subj={`${testSubj}-error`}>
        <p>{state.message}</p>
      </EuiCallOut>
    );
  } else if (isEmpty(state.data)) {
    body = (
      <EuiText color="subdued" textAlign="center" data-test-subj={`${testSubj}-empty`}>
        <p style={{ padding: '48px 0' }}>{emptyMessage}</p>
      </EuiText>
    );
  } else {
    body = children(state.data);
  }
  return (
    <EuiPanel paddingSize="l" data-test-subj={testSubj}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexStart" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2>{title}</h2>
          </EuiTitle>
          <EuiText size="s" color="subdued">
            <p>{description}</p>
          </EuiText>
        </EuiFlexItem>
        {controls && <EuiFlexItem grow={false}>{controls}</EuiFlexItem>}
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {body}
    </EuiPanel>
  );
}
