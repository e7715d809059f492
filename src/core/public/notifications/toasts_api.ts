import { BehaviorSubject, Observable } from 'rxjs';
import { MountPoint } from '../utils/mount';

export type ToastColor = 'primary' | 'success' | 'warning' | 'danger';

/** A toast as callers describe it; `title` and `text` may be plain text or a `MountPoint`. */
export interface ToastInputFields {
  title?: string | MountPoint;
  text?: string | MountPoint;
  color?: ToastColor;
  iconType?: string;
  /** How long it stays, in ms. */
  toastLifeTimeMs?: number;
  'data-test-subj'?: string;
}

export type Toast = ToastInputFields & { id: string };
export type ToastInput = string | ToastInputFields;

export interface ErrorToastOptions {
  /** The toast's title. */
  title: string;
  /** Shown instead of the error's message. */
  toastMessage?: string;
}

/** `notifications.toasts`. */
export interface IToasts {
  get$(): Observable<Toast[]>;
  add(toastOrTitle: ToastInput): Toast;
  addSuccess(toastOrTitle: ToastInput): Toast;
  addWarning(toastOrTitle: ToastInput): Toast;
  addDanger(toastOrTitle: ToastInput): Toast;
  addError(error: Error, options: ErrorToastOptions): Toast;
  remove(toastOrId: Toast | string): void;
}

/** Which `notifications:lifetime:*` setting a toast follows. */
export type ToastLifetimeKind = 'info' | 'warning' | 'error';

/** Upstream's defaults, used until the settings are known. */
export const DEFAULT_TOAST_LIFETIMES: Record<ToastLifetimeKind, number> = { info: 5000, warning: 10000, error: 300000 };

const normalize = (input: ToastInput): ToastInputFields => (typeof input === 'string' ? { title: input } : { ...input });
const kindOf = (color?: ToastColor): ToastLifetimeKind => (color === 'danger' ? 'error' : color === 'warning' ? 'warning' : 'info');

/** The list of toasts on screen; rendering it is `GlobalToastList`'s job. */
export class ToastsApi implements IToasts {
  private readonly toasts$ = new BehaviorSubject<Toast[]>([]);
  private counter = 0;

  /** `lifetimeOf` gives the lifetime of a kind of toast (from the settings); callers may still set their own. */
  constructor(private readonly lifetimeOf: (kind: ToastLifetimeKind) => number = (kind) => DEFAULT_TOAST_LIFETIMES[kind]) {}

  public get$() {
    return this.toasts$.asObservable();
  }

  public add(toastOrTitle: ToastInput) {
    const fields = normalize(toastOrTitle);
    const toast: Toast = { toastLifeTimeMs: this.lifetimeOf(kindOf(fields.color)), ...fields, id: String(this.counter++) };
    this.toasts$.next([...this.toasts$.value, toast]);
    return toast;
  }

  public addSuccess(toastOrTitle: ToastInput) {
    return this.add({ color: 'success', iconType: 'check', ...normalize(toastOrTitle) });
  }

  public addWarning(toastOrTitle: ToastInput) {
    return this.add({ color: 'warning', iconType: 'help', ...normalize(toastOrTitle) });
  }

  public addDanger(toastOrTitle: ToastInput) {
    return this.add({ color: 'danger', iconType: 'alert', ...normalize(toastOrTitle) });
  }

  public addError(error: Error, { title, toastMessage }: ErrorToastOptions) {
    return this.addDanger({ title, text: toastMessage ?? error.message });
  }

  public remove(toastOrId: Toast | string) {
    const id = typeof toastOrId === 'string' ? toastOrId : toastOrId.id;
    const next = this.toasts$.value.filter((t) => t.id !== id);
    if (next.length !== this.toasts$.value.length) this.toasts$.next(next);
  }
}
