import React from 'react';
import { Observable } from 'rxjs';
import { EuiGlobalToastList } from '@opensearch-project/oui';
import { renderTextOrMount } from '../utils/mount';
import { useObservable } from '../utils/use_observable';
import { Toast } from './toasts_api';

interface Props {
  toasts$: Observable<Toast[]>;
  dismissToast: (toast: Toast) => void;
}

/** The toasts in the bottom-right corner; each dismisses itself after its lifetime. */
export const GlobalToastList: React.FunctionComponent<Props> = ({ toasts$, dismissToast }) => {
  const toasts = useObservable<Toast[]>(toasts$, []);

  const shown = toasts.map((toast) => ({
    id: toast.id,
    color: toast.color,
    iconType: toast.iconType,
    toastLifeTimeMs: toast.toastLifeTimeMs,
    'data-test-subj': toast['data-test-subj'] ?? 'osdToast',
    title: renderTextOrMount(toast.title),
    text: renderTextOrMount(toast.text),
  }));
  // The list's own lifetime is an upper bound; each toast's `toastLifeTimeMs` decides.
  return (
    <EuiGlobalToastList
      data-test-subj="globalToastList"
      toasts={shown as any}
      dismissToast={({ id }) => {
        const toast = toasts.find((t) => t.id === id);
        if (toast) dismissToast(toast);
      }}
      toastLifeTimeMs={Infinity}
    />
  );
};
