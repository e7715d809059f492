/*
 * The leave check of the current app (upstream's `onAppLeave`), as pure functions so the service and its
 * tests share one rule.
 */
import type { AppLeaveAction, AppLeaveActionFactory, AppLeaveHandler } from './types';

export const appLeaveActionFactory: AppLeaveActionFactory = {
  default: () => ({ type: 'default' }),
  confirm: (text, title, callback, confirmButtonText) => ({ type: 'confirm', text, title, callback, confirmButtonText }),
};

/** What the handler answers; a handler that throws lets the navigation go on (and says why in the console). */
export function getLeaveAction(handler: AppLeaveHandler | undefined, nextAppId?: string): AppLeaveAction {
  if (!handler) return appLeaveActionFactory.default();
  try {
    return handler(appLeaveActionFactory, nextAppId) ?? appLeaveActionFactory.default();
  } catch (e) {
    // eslint-disable-next-line no-console
    console.error('An app leave handler threw; leaving without asking:', e);
    return appLeaveActionFactory.default();
  }
}

/** Asks the user through `confirm` when the action says so; resolves whether to go on. */
export async function confirmLeave(action: AppLeaveAction, confirm: (action: Extract<AppLeaveAction, { type: 'confirm' }>) => Promise<boolean>) {
  if (action.type !== 'confirm') return true;
  const confirmed = await confirm(action);
  if (confirmed) action.callback?.();
  return confirmed;
}
