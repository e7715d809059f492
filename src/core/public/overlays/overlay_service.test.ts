import { OverlayBanner } from './banners_service';
import { OverlayService } from './overlay_service';

const mount = () => () => undefined;

describe('overlays', () => {
  it('orders banners by priority, then by insertion, and removes and replaces them', () => {
    const { banners } = new OverlayService().start();
    let shown: OverlayBanner[] = [];
    banners.get$().subscribe((b) => (shown = b));
    const low = banners.add(mount);
    const high = banners.add(mount, 10000);
    const low2 = banners.add(mount);
    expect(shown.map((b) => b.id)).toEqual([high, low, low2]);
    const replaced = banners.replace(low, mount, 20000);
    expect(replaced).not.toBe(low);
    expect(shown.map((b) => b.id)).toEqual([replaced, high, low2]);
    expect(banners.remove(high)).toBe(true);
    expect(banners.remove(high)).toBe(false);
    expect(banners.replace('missing', mount)).toMatch(/^banner-/);
    expect(shown).toHaveLength(3);
  });

  it('keeps one flyout open at a time and resolves onClose', async () => {
    const overlays = new OverlayService();
    const { openFlyout } = overlays.start();
    const first = openFlyout(mount);
    const second = openFlyout(mount, { size: 's' });
    await first.onClose;
    expect(overlays.flyouts.active$.value?.ref).toBe(second);
    await second.close();
    expect(overlays.flyouts.active$.value).toBeNull();
  });

  it('asks one question at a time: a new one answers the open one "no"', async () => {
    const overlays = new OverlayService();
    const { openConfirm } = overlays.start();
    const first = openConfirm('Leave?');
    const second = openConfirm('Really leave?', { title: 'Unsaved changes' });
    await expect(first).resolves.toBe(false);
    expect(overlays.modals.active$.value).toMatchObject({ message: 'Really leave?', options: { title: 'Unsaved changes' } });
    overlays.modals.active$.value!.answer(true);
    await expect(second).resolves.toBe(true);
    expect(overlays.modals.active$.value).toBeNull();
  });
});
