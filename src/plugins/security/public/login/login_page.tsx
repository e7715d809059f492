import React, { useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiFieldPassword,
  EuiFieldText,
  EuiForm,
  EuiFormRow,
  EuiIcon,
  EuiPage,
  EuiPageBody,
  EuiPageContent,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@opensearch-project/oui';
import type { HttpStart } from '../../../../core/public';
import { LOGGED_OUT_TEXT, loginErrorMessage, MISSING_FIELDS_TEXT } from './login_messages';

export interface LoginPageProps {
  http: Pick<HttpStart, 'post'>;
  /** Where to go once signed in: already checked by `safeNextUrl`. */
  next: string;
  /** Shows that the previous session was ended on purpose. */
  loggedOut: boolean;
  /** A full page load to `url`. */
  onLoggedIn(url: string): void;
}

/**
 * The login form. It renders inside core's `main`, the page's one main landmark: OUI's page parts would
 * add their own (`EuiPageContent` is a `main` by default), so they are told not to.
 */
export const LoginPage: React.FunctionComponent<LoginPageProps> = ({ http, next, loggedOut, onLoggedIn }) => {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (!username || !password) {
      setError(MISSING_FIELDS_TEXT);
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await http.post('/api/security/login', { body: JSON.stringify({ username, password }) });
      onLoggedIn(next);
    } catch (e) {
      setError(loginErrorMessage(e as Error));
      setPassword('');
      setSubmitting(false);
    }
  };

  return (
    <EuiPage className="osdLoginPage" data-test-subj="loginPage">
      <EuiPageBody component="div">
        <EuiPageContent verticalPosition="center" horizontalPosition="center" paddingSize="l" role={null} className="osdLoginPage__panel">
          <div className="osdLoginPage__header">
            <EuiIcon type="logoOpenSearch" size="xxl" aria-hidden="true" />
            <EuiSpacer size="m" />
            <EuiTitle size="m">
              <h1>Log in to OpenSearch Dashboards</h1>
            </EuiTitle>
          </div>
          <EuiSpacer size="l" />
          {loggedOut && !error && (
            <>
              <EuiCallOut size="s" color="success" iconType="check" title={LOGGED_OUT_TEXT} data-test-subj="loginLoggedOut" />
              <EuiSpacer size="m" />
            </>
          )}
          {error && (
            <>
              {/* role="alert": the message is announced as soon as it appears, without moving focus. */}
              <EuiCallOut size="s" color="danger" iconType="alert" title={error} role="alert" data-test-subj="loginError" />
              <EuiSpacer size="m" />
            </>
          )}
          <EuiForm component="form" onSubmit={submit} noValidate data-test-subj="loginForm">
            <EuiFormRow label="Username" fullWidth>
              <EuiFieldText
                name="username"
                autoComplete="username"
                icon="user"
                fullWidth
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                data-test-subj="loginUsername"
              />
            </EuiFormRow>
            <EuiFormRow label="Password" fullWidth>
              <EuiFieldPassword
                name="password"
                autoComplete="current-password"
                fullWidth
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-test-subj="loginPassword"
              />
            </EuiFormRow>
            <EuiSpacer size="l" />
            <EuiButton type="submit" fill fullWidth isLoading={submitting} data-test-subj="loginSubmit">
              Log in
            </EuiButton>
          </EuiForm>
          <EuiSpacer size="m" />
          <EuiText size="xs" color="subdued" textAlign="center">
            <p>Forgot your password? Ask an administrator to set a new one.</p>
          </EuiText>
        </EuiPageContent>
      </EuiPageBody>
    </EuiPage>
  );
};
