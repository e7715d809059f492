import { exportChunks, exportFileName, type ExportedReport } from './export';
import type { ReportEntry } from './types';

const entry = (id: string): ReportEntry => ({
  id,
  generatedAt: '2024-03-01T12:00:00.000Z',
  status: 'generated',
  level: 'full',
  destination: null,
  sizeBytes: 2,
  sha256: 'h',
  clusterUuid: 'c1',
  encrypted: false,
  trigger: 'schedule',
});

async function read(chunks: AsyncGenerator<string>) {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return JSON.parse(text);
}

describe('exportChunks', () => {
  const payloads: Record<string, string> = { a: '{"n":1}', b: '{"n":2}' };
  const getPayload = async (id: string) => payloads[id];

  it('writes the format, version and every entry with its payload as the exact JSON text', async () => {
    const file = await read(exportChunks([entry('a'), entry('b')], '2024-03-02T00:00:00.000Z', { getPayload, seal: async () => null }));
    expect(file).toEqual({
      format: 'osd-telemetry-export',
      version: 1,
      exportedAt: '2024-03-02T00:00:00.000Z',
      reports: [
        { ...entry('a'), payloadEncoding: 'json', payload: '{"n":1}' },
        { ...entry('b'), payloadEncoding: 'json', payload: '{"n":2}' },
      ],
    });
  });

  it('encrypts each payload when a key is set, and leaves out an entry whose payload is gone', async () => {
    const onMissing = jest.fn();
    const seal = jest.fn(async (plaintext: string) => ({ jwe: `jwe(${plaintext})`, kid: 'k1' }));
    const file = await read(exportChunks([entry('gone'), entry('b')], 'now', { getPayload, seal, onMissing }));
    expect(file.reports).toEqual([{ ...entry('b'), payloadEncoding: 'jwe', kid: 'k1', payload: 'jwe({"n":2})' } satisfies ExportedReport]);
    expect(onMissing).toHaveBeenCalledWith('gone');
    expect(await read(exportChunks([], 'now', { getPayload, seal }))).toMatchObject({ reports: [] });
  });

  it('names the file after the export time', () => {
    expect(exportFileName(new Date('2024-03-01T12:34:56.789Z'))).toBe('osd-telemetry-export-20240301T123456Z.json');
  });
});
