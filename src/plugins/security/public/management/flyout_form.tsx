import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiTitle,
} from '@opensearch-project/oui';
import type { FormErrors } from './form_validation';
import { ErrorCallout } from './panel_parts';
import { errorMessage } from './security_api';

export interface FlyoutFormState<F extends string> {
  /** The errors to show: none before the first attempt. */
  shown: FormErrors<F>;
  serverError?: string;
  submitting: boolean;
  submit(event?: React.FormEvent): Promise<void>;
}

/**
 * The submit cycle of a management form: `send` runs only when `errors` is empty; a refusal shows the
 * server's message and lets the user try again. Errors show after the first attempt, then follow the
 * typing, so nobody is scolded before finishing.
 */
export function useFlyoutForm<F extends string>(errors: FormErrors<F>, send: () => Promise<void>): FlyoutFormState<F> {
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    setAttempted(true);
    if (Object.keys(errors).length > 0 || submitting) return;
    setSubmitting(true);
    setServerError(undefined);
    try {
      await send();
    } catch (error) {
      setServerError(errorMessage(error));
      setSubmitting(false);
    }
  };
  return { shown: attempted ? errors : {}, serverError, submitting, submit };
}

export interface FlyoutFormProps {
  /** Prefix of the ids and `data-test-subj`s: `<prefix>Flyout`, `<prefix>FormError`, `<prefix>FormSubmit` … */
  name: string;
  title: string;
  submitLabel: string;
  form: Pick<FlyoutFormState<string>, 'serverError' | 'submitting' | 'submit'>;
  onClose(): void;
}

/** A small flyout holding one form: title, the server's refusal, the fields, and Cancel / submit below. */
export const FlyoutForm: React.FunctionComponent<FlyoutFormProps> = ({ name, title, submitLabel, form, onClose, children }) => (
  <EuiFlyout onClose={onClose} size="s" aria-labelledby={`${name}FlyoutTitle`} data-test-subj={`${name}Flyout`}>
    <EuiFlyoutHeader hasBorder>
      <EuiTitle size="m">
        <h2 id={`${name}FlyoutTitle`}>{title}</h2>
      </EuiTitle>
    </EuiFlyoutHeader>
    <EuiFlyoutBody>
      <ErrorCallout error={form.serverError} data-test-subj={`${name}FormError`} />
      <EuiForm component="form" onSubmit={form.submit} noValidate>
        {children}
        {/* Enter in a field submits; the visible buttons live in the footer. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </EuiForm>
    </EuiFlyoutBody>
    <EuiFlyoutFooter>
      <EuiFlexGroup justifyContent="spaceBetween">
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty onClick={onClose} data-test-subj={`${name}FormCancel`}>
            Cancel
          </EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton fill onClick={() => form.submit()} isLoading={form.submitting} data-test-subj={`${name}FormSubmit`}>
            {submitLabel}
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiFlyoutFooter>
  </EuiFlyout>
);
