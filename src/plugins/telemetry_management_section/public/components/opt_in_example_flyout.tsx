import {
  EuiButton,
  EuiCallOut,
  EuiCopy,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiLoadingSpinner,
  EuiText,
  EuiTitle,
} from '@opensearch-project/oui';
import React, { useEffect, useState } from 'react';
import { formatBytes, loadExample, type ExampleState } from '../lib/section_logic';

export interface OptInExampleFlyoutProps {
  /** Loads the plain report (`telemetryService.fetchExample`). */
  fetchExample: () => Promise<unknown[]>;
  /** The server route that answers the same report as a file. */
  downloadUrl: string;
  onClose: () => void;
}

const TITLE_ID = 'telemetryExampleFlyoutTitle';

/** "See an example of what we collect": the live, unencrypted report as formatted JSON. */
export function OptInExampleFlyout({ fetchExample, downloadUrl, onClose }: OptInExampleFlyoutProps) {
  const [state, setState] = useState<ExampleState>({ status: 'loading' });
  useEffect(() => {
    let mounted = true;
    void loadExample(fetchExample).then((next) => mounted && setState(next));
    return () => {
      mounted = false;
    };
  }, [fetchExample]);

  return (
    // Named by its title, so a screen reader announces what the dialog is.
    <EuiFlyout onClose={onClose} size="m" ownFocus maxWidth={900} aria-labelledby={TITLE_ID} data-test-subj="telemetryExampleFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id={TITLE_ID}>Cluster statistics</h2>
        </EuiTitle>
        <EuiText size="s" color="subdued">
          <p>This is an example of the usage data OpenSearch Dashboards collects, built now from this deployment. It is sent encrypted when an encryption key is configured.</p>
        </EuiText>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>{renderBody(state, downloadUrl)}</EuiFlyoutBody>
    </EuiFlyout>
  );
}

function renderBody(state: ExampleState, downloadUrl: string) {
  switch (state.status) {
    case 'loading':
      return (
        <EuiFlexGroup justifyContent="center" data-test-subj="telemetryExampleLoading">
          <EuiFlexItem grow={false}>
            <EuiLoadingSpinner size="xl" />
          </EuiFlexItem>
        </EuiFlexGroup>
      );
    case 'forbidden':
      return (
        <EuiCallOut color="warning" iconType="lock" title="You do not have access to see unencrypted cluster statistics." data-test-subj="telemetryExampleForbidden" />
      );
    case 'error':
      return (
        <EuiCallOut color="danger" iconType="alert" title="Error loading cluster statistics" data-test-subj="telemetryExampleError">
          <p>{state.message}</p>
        </EuiCallOut>
      );
    case 'loaded':
      return (
        <>
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem>
              <EuiText size="s" data-test-subj="telemetryExampleSize">
                <p>Size: {formatBytes(state.bytes)}</p>
              </EuiText>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiCopy textToCopy={state.json}>
                {(copy) => (
                  <EuiButton size="s" iconType="copyClipboard" onClick={copy} data-test-subj="telemetryExampleCopy">
                    Copy
                  </EuiButton>
                )}
              </EuiCopy>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton size="s" iconType="download" href={downloadUrl} download data-test-subj="telemetryExampleDownload">
                Download
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
          {/* Focusable and named: a keyboard user must be able to scroll the report (WCAG 2.1.1). */}
          <pre
            tabIndex={0}
            aria-label="Example report (JSON)"
            data-test-subj="telemetryExampleJson"
            style={{ marginTop: 12, padding: 12, background: '#f5f7fa', border: '1px solid #d3dae6', borderRadius: 4, fontSize: 12, overflow: 'auto', whiteSpace: 'pre' }}
          >
            {state.json}
          </pre>
        </>
      );
  }
}
