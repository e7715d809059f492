import React from 'react';
import { EuiButtonEmpty, EuiCallOut, EuiCode, EuiCopy, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText } from '@opensearch-project/oui';
import type { CreatedApiKey } from './security_api';

export interface ApiKeySecretProps {
  created: CreatedApiKey;
  onDismiss(): void;
}

/**
 * The new key's secret, shown this once: the server keeps only its hash, and no listing returns it. It is
 * held in the panel's state only, so leaving the page forgets it too.
 */
export const ApiKeySecret: React.FunctionComponent<ApiKeySecretProps> = ({ created, onDismiss }) => (
  <EuiCallOut color="success" iconType="check" title={`Created API key ${created.name}`} data-test-subj="apiKeyCreated">
    <EuiText size="s">
      <p>
        <strong>Copy it now: it will not be shown again.</strong> Send it as <EuiCode>Authorization: ApiKey &lt;key&gt;</EuiCode>.
      </p>
    </EuiText>
    <EuiSpacer size="s" />
    <EuiCode data-test-subj="apiKeySecret" className="osdApiKeySecret">
      {created.encoded}
    </EuiCode>
    <EuiSpacer size="s" />
    <EuiFlexGroup gutterSize="s" responsive={false}>
      <EuiFlexItem grow={false}>
        <EuiCopy textToCopy={created.encoded} afterMessage="Copied">
          {(copy) => (
            <EuiButtonEmpty size="s" iconType="copyClipboard" onClick={copy} data-test-subj="apiKeySecretCopy">
              Copy
            </EuiButtonEmpty>
          )}
        </EuiCopy>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButtonEmpty size="s" color="text" onClick={onDismiss} data-test-subj="apiKeySecretDismiss">
          Done, hide the key
        </EuiButtonEmpty>
      </EuiFlexItem>
    </EuiFlexGroup>
  </EuiCallOut>
);
