import { Subscription } from 'rxjs';
import { IUiSettingsClient } from '../ui_settings/types';
import { DEFAULT_TOAST_LIFETIMES, IToasts, ToastLifetimeKind, ToastsApi } from './toasts_api';

export interface NotificationsSetup {
  toasts: IToasts;
}
export type NotificationsStart = NotificationsSetup;

/** Toasts; also turns refused settings saves into a danger toast with the server's message. */
export class NotificationsService {
  private uiSettings?: IUiSettingsClient;
  private readonly toasts = new ToastsApi((kind) => this.lifetimeOf(kind));
  private subscription?: Subscription;

  public setup({ uiSettings }: { uiSettings: IUiSettingsClient }): NotificationsSetup {
    this.uiSettings = uiSettings;
    this.subscription = uiSettings.getUpdateErrors$().subscribe((error) => {
      this.toasts.addDanger({ title: 'Unable to update UI setting', text: error.message, 'data-test-subj': 'uiSettingsErrorToast' });
    });
    return { toasts: this.toasts };
  }

  public start(): NotificationsStart {
    return { toasts: this.toasts };
  }

  /** Internal: what the page renders. */
  public getToastsApi() {
    return this.toasts;
  }

  /** Upstream's `notifications:lifetime:<kind>` settings; the text `Infinity` keeps a toast until closed. */
  private lifetimeOf(kind: ToastLifetimeKind) {
    const value = this.uiSettings?.get<number | string>(`notifications:lifetime:${kind}`, DEFAULT_TOAST_LIFETIMES[kind]);
    const number = value === 'Infinity' ? Infinity : Number(value);
    return Number.isNaN(number) ? DEFAULT_TOAST_LIFETIMES[kind] : number;
  }

  public stop() {
    this.subscription?.unsubscribe();
  }
}
