import { BehaviorSubject } from 'rxjs';
import { MountPoint } from '../utils/mount';

/** The texts of a confirm modal (upstream's `OverlayModalConfirmOptions`, the parts used here). */
export interface OverlayModalConfirmOptions {
  title?: string;
  confirmButtonText?: string;
  cancelButtonText?: string;
  buttonColor?: 'primary' | 'danger' | 'warning';
  'data-test-subj'?: string;
}

/** What the confirm host renders: at most one question at a time. */
export interface ActiveConfirm {
  message: string | MountPoint;
  options: OverlayModalConfirmOptions;
  /** Called once with the answer; the host then closes. */
  answer(confirmed: boolean): void;
}

/** `overlays.openConfirm`: a new question dismisses the one still open (as a "no"). */
export class ModalService {
  public readonly active$ = new BehaviorSubject<ActiveConfirm | null>(null);

  public openConfirm = (message: string | MountPoint, options: OverlayModalConfirmOptions = {}): Promise<boolean> => {
    this.active$.value?.answer(false);
    return new Promise<boolean>((resolve) => {
      let answered = false;
      const active: ActiveConfirm = {
        message,
        options,
        answer: (confirmed) => {
          if (answered) return;
          answered = true;
          if (this.active$.value === active) this.active$.next(null);
          resolve(confirmed);
        },
      };
      this.active$.next(active);
    });
  };
}
