import { ToastsApi, Toast } from './toasts_api';

describe('ToastsApi', () => {
  it('adds toasts with colors by kind and removes them by id or object', () => {
    const toasts = new ToastsApi();
    let current: Toast[] = [];
    toasts.get$().subscribe((t) => (current = t));
    const a = toasts.addSuccess('Saved');
    const b = toasts.addWarning({ title: 'Careful', text: 'details' });
    const c = toasts.addDanger('Broken');
    const d = toasts.addError(new Error('boom'), { title: 'Failed' });
    expect(current.map((t) => [t.title, t.color])).toEqual([
      ['Saved', 'success'],
      ['Careful', 'warning'],
      ['Broken', 'danger'],
      ['Failed', 'danger'],
    ]);
    expect(d.text).toBe('boom');
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    toasts.remove(a.id);
    toasts.remove(c);
    expect(current.map((t) => t.title)).toEqual(['Careful', 'Failed']);
  });

  it('takes each kind of toast its lifetime from the settings', () => {
    const toasts = new ToastsApi((kind) => ({ info: 1, warning: 2, error: 3 }[kind]));
    expect(toasts.add('a').toastLifeTimeMs).toBe(1);
    expect(toasts.addSuccess('b').toastLifeTimeMs).toBe(1);
    expect(toasts.addWarning('c').toastLifeTimeMs).toBe(2);
    expect(toasts.addDanger('d').toastLifeTimeMs).toBe(3);
    expect(toasts.addError(new Error('e'), { title: 'E' }).toastLifeTimeMs).toBe(3);
  });

  it('lets the caller choose the color and lifetime', () => {
    const toasts = new ToastsApi();
    const t = toasts.addSuccess({ title: 'x', color: 'primary', toastLifeTimeMs: 100 });
    expect(t).toMatchObject({ color: 'primary', toastLifeTimeMs: 100, iconType: 'check' });
  });
});
