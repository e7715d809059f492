import { CounterWriter } from './counter_writer';

describe('CounterWriter', () => {
  it('numbers bulks in call order and sends one at a time', async () => {
    const writer = new CounterWriter('w');
    const events: string[] = [];
    let release!: () => void;
    const first = writer.run(async (bulk) => {
      events.push(`start ${bulk}`);
      await new Promise<void>((resolve) => (release = resolve));
      events.push(`end ${bulk}`);
      return bulk;
    });
    const second = writer.run(async (bulk) => {
      events.push(`start ${bulk}`);
      return bulk;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['start 1']);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(events).toEqual(['start 1', 'end 1', 'start 2']);
  });

  it('a failed send rejects its own caller only; the next one still runs', async () => {
    const writer = new CounterWriter('w');
    const failed = writer.run(async () => {
      throw new Error('cluster unreachable');
    });
    const next = writer.run(async (bulk) => bulk);
    await expect(failed).rejects.toThrow('cluster unreachable');
    expect(await next).toBe(2);
  });

  it('gives each process its own id', () => {
    expect(new CounterWriter().id).not.toBe(new CounterWriter().id);
    expect(new CounterWriter().id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});
