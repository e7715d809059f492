import { BehaviorSubject } from 'rxjs';
import { MountPoint } from '../utils/mount';

/** A handle on an opened overlay. */
export interface OverlayRef {
  /** Resolves when the overlay closes, whoever closed it. */
  readonly onClose: Promise<void>;
  close(): Promise<void>;
}

export interface OverlayFlyoutOpenOptions {
  className?: string;
  closeButtonAriaLabel?: string;
  ownFocus?: boolean;
  'data-test-subj'?: string;
  size?: 's' | 'm' | 'l';
  maxWidth?: boolean | number | string;
}

/** What the flyout host renders: at most one flyout at a time. */
export interface ActiveFlyout {
  mount: MountPoint;
  options: OverlayFlyoutOpenOptions;
  ref: OverlayRef;
}

class FlyoutRef implements OverlayRef {
  public readonly onClose: Promise<void>;
  private resolveClose!: () => void;
  private closed = false;

  constructor(private readonly onClosed: (ref: FlyoutRef) => void) {
    this.onClose = new Promise((resolve) => (this.resolveClose = resolve));
  }

  public async close() {
    if (this.closed) return this.onClose;
    this.closed = true;
    this.onClosed(this);
    this.resolveClose();
    return this.onClose;
  }
}

/** `overlays.openFlyout`: opening a flyout closes the one already open. */
export class FlyoutService {
  public readonly active$ = new BehaviorSubject<ActiveFlyout | null>(null);

  public openFlyout = (mount: MountPoint, options: OverlayFlyoutOpenOptions = {}): OverlayRef => {
    void this.active$.value?.ref.close();
    const ref = new FlyoutRef((closed) => {
      if (this.active$.value?.ref === closed) this.active$.next(null);
    });
    this.active$.next({ mount, options, ref });
    return ref;
  };
}
