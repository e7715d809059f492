import { BehaviorSubject, Observable } from 'rxjs';
import { MountPoint } from '../utils/mount';

/** A banner on screen. */
export interface OverlayBanner {
  id: string;
  mount: MountPoint;
  priority: number;
}

/** `overlays.banners`: full-width messages below the header, highest priority first. */
export interface OverlayBannersStart {
  /** Shows a banner; returns its id. Equal priorities keep the order they were added in. */
  add(mount: MountPoint, priority?: number): string;
  /** Removes a banner; false when there was none with that id. */
  remove(id: string): boolean;
  /** Swaps a banner for a new one (or adds it when `id` is unknown); returns the new id. */
  replace(id: string | undefined, mount: MountPoint, priority?: number): string;
  /** The banners on screen, in display order. */
  get$(): Observable<OverlayBanner[]>;
}

/** Keeps the banner list ordered; rendering is `BannersList`'s job. */
export class BannersService {
  private readonly banners$ = new BehaviorSubject<OverlayBanner[]>([]);
  private counter = 0;

  public start(): OverlayBannersStart {
    const add = (mount: MountPoint, priority = 0) => {
      const id = `banner-${this.counter++}`;
      this.set([...this.banners$.value, { id, mount, priority }]);
      return id;
    };
    const remove = (id: string) => {
      const next = this.banners$.value.filter((b) => b.id !== id);
      if (next.length === this.banners$.value.length) return false;
      this.set(next);
      return true;
    };
    return {
      add,
      remove,
      replace: (id, mount, priority = 0) => {
        if (!id || !this.banners$.value.some((b) => b.id === id)) return add(mount, priority);
        const nextId = `banner-${this.counter++}`;
        this.set(this.banners$.value.map((b) => (b.id === id ? { id: nextId, mount, priority } : b)));
        return nextId;
      },
      get$: () => this.banners$.asObservable(),
    };
  }

  private set(banners: OverlayBanner[]) {
    // Array.prototype.sort is stable: equal priorities keep insertion order.
    this.banners$.next([...banners].sort((a, b) => b.priority - a.priority));
  }
}
