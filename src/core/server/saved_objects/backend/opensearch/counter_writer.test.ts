import { CounterWriter } from './counter_writer';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CounterWriter', () => {
  it('numbers the bulks of a lane in order and reuses a free lane', async () => {
    const writer = new CounterWriter('w');
    expect(await writer.run(async (mark) => mark)).toEqual({ w: 'w.0', s: 1 });
    expect(await writer.run(async (mark) => mark)).toEqual({ w: 'w.0', s: 2 });
  });

  it('gives concurrent bulks different lanes, one bulk per lane at a time', async () => {
    const writer = new CounterWriter('w');
    const releases: Array<() => void> = [];
    const marks: unknown[] = [];
    const hold = (mark: unknown) => new Promise<void>((resolve) => (marks.push(mark), releases.push(resolve)));
    const first = writer.run(hold);
    const second = writer.run(hold);
    await tick();
    expect(marks).toEqual([
      { w: 'w.0', s: 1 },
      { w: 'w.1', s: 1 },
    ]);
    releases[1]();
    await second;
    // Lane 1 is free again: the next bulk takes it, while lane 0 still holds the first.
    const third = writer.run(hold);
    await tick();
    expect(marks[2]).toEqual({ w: 'w.1', s: 2 });
    releases[0]();
    releases[2]();
    await Promise.all([first, third]);
  });

  it('past the lane bound a bulk waits for a free lane, then continues its sequence', async () => {
    const writer = new CounterWriter('w', 1);
    let release!: () => void;
    const first = writer.run(() => new Promise<void>((resolve) => (release = resolve)));
    let started = false;
    const second = writer.run(async (mark) => ((started = true), mark));
    await tick();
    expect(started).toBe(false);
    release();
    await first;
    expect(await second).toEqual({ w: 'w.0', s: 2 });
  });

  it('a failed send rejects its own caller only and frees its lane', async () => {
    const writer = new CounterWriter('w', 1);
    await expect(
      writer.run(async () => {
        throw new Error('cluster unreachable');
      })
    ).rejects.toThrow('cluster unreachable');
    expect(await writer.run(async (mark) => mark)).toEqual({ w: 'w.0', s: 2 });
  });

  it('gives each process its own id', () => {
    expect(new CounterWriter().id).not.toBe(new CounterWriter().id);
    expect(new CounterWriter().id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});
