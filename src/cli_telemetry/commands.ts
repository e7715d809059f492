/*
 * One function per command: the requests each makes and what it prints. `--json` prints the server's
 * answer as it came; otherwise the tables of `format.ts`.
 */
import { createWriteStream } from 'fs';
import { stat } from 'fs/promises';
import { basename, resolve } from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { ReadableStream as WebReadableStream } from 'stream/web';
import type { CliArgs, CommandName } from './args';
import { CliError, type ApiClient } from './client';
import { formatBytes, formatDiff, formatEntries, formatPreview, formatStatus, type StateBody } from './format';

const API = '/api/telemetry/v2';

export interface CommandIo {
  /** Writes exactly `text` to standard output. */
  write(text: string): void;
  /** Where a relative `--out` goes. */
  cwd: string;
  /** Standard output as a stream (for `export --out -`). */
  stdout: NodeJS.WritableStream;
}

type Command = (client: ApiClient, args: CliArgs, io: CommandIo) => Promise<void>;

const print = (io: CommandIo, text: string) => io.write(`${text}\n`);
const printJson = (io: CommandIo, value: unknown) => print(io, JSON.stringify(value, null, 2));

async function status(client: ApiClient, args: CliArgs, io: CommandIo) {
  const state = await client.json<StateBody>('GET', `${API}/state`);
  if (args.json) printJson(io, state);
  else print(io, formatStatus(state));
}

async function preview(client: ApiClient, args: CliArgs, io: CommandIo) {
  // The preview at the level the server decided (its answer to `unencrypted: true`); nothing is sent.
  const { text } = await client.text('POST', `${API}/clusters/_stats`, { unencrypted: true });
  if (args.json) return print(io, text);
  const state = await client.json<StateBody>('GET', `${API}/state`);
  print(io, formatPreview(JSON.parse(text), state));
}

async function send(client: ApiClient, args: CliArgs, io: CommandIo) {
  const body = await client.json<{ reports: any[] }>('POST', `${API}/reports/_send`, undefined, 10 * 60000);
  if (args.json) return printJson(io, body);
  const kept = body.reports.length > 0 && body.reports.every((r) => r.status === 'generated');
  print(io, `${kept ? 'Generated and kept (not sent)' : 'Sent'}: ${body.reports.length} report${body.reports.length === 1 ? '' : 's'}.\n${formatEntries(body.reports)}`);
}

async function history(client: ApiClient, args: CliArgs, io: CommandIo) {
  const body = await client.json<{ reports: any[] }>('GET', `${API}/reports`);
  if (args.json) printJson(io, body);
  else print(io, formatEntries(body.reports));
}

async function show(client: ApiClient, args: CliArgs, io: CommandIo) {
  const { text } = await client.text('GET', `${API}/reports/${encodeURIComponent(args.id!)}`);
  // --json: the stored bytes as they are (no newline added), so `| sha256sum` matches the entry.
  if (args.json) io.write(text);
  else print(io, JSON.stringify(JSON.parse(text), null, 2));
}

async function diff(client: ApiClient, args: CliArgs, io: CommandIo) {
  const body = await client.json('GET', `${API}/reports/${encodeURIComponent(args.id!)}/_diff`);
  if (args.json) printJson(io, body);
  else print(io, formatDiff(body));
}

/** The file name of `Content-Disposition: attachment; filename="…"`, without any folder part. */
export function attachmentName(header: string | null): string | undefined {
  const match = header && /filename="([^"]+)"/.exec(header);
  return match ? basename(match[1]) : undefined;
}

async function exportReports(client: ApiClient, args: CliArgs, io: CommandIo) {
  const response = await client.stream('POST', `${API}/reports/_export`, args.ids.length > 0 ? { ids: args.ids } : {});
  const source = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  if (args.out === '-') {
    await pipeline(source, io.stdout, { end: false });
    return;
  }
  const file = resolve(io.cwd, args.out ?? attachmentName(response.headers.get('content-disposition')) ?? 'osd-telemetry-export.json');
  try {
    await pipeline(source, createWriteStream(file));
  } catch (error) {
    throw new CliError(`could not write ${file}: ${(error as Error).message}`);
  }
  const bytes = (await stat(file)).size;
  if (args.json) printJson(io, { file, bytes });
  else print(io, `Exported to ${file} (${formatBytes(bytes)}).`);
}

async function optInOut(enabled: boolean, client: ApiClient, args: CliArgs, io: CommandIo) {
  await client.json('POST', `${API}/optIn`, { enabled, ...(enabled && args.level ? { level: args.level } : {}) });
  const state = await client.json<StateBody>('GET', `${API}/state`);
  if (args.json) return printJson(io, state);
  print(io, `${enabled ? `Opted in${state.level ? ` at level ${state.level}` : ''}` : 'Opted out'}.\n${formatStatus(state)}`);
}

export const COMMAND_RUNNERS: Record<CommandName, Command> = {
  status,
  preview,
  send,
  history,
  show,
  diff,
  export: exportReports,
  'opt-in': (client, args, io) => optInOut(true, client, args, io),
  'opt-out': (client, args, io) => optInOut(false, client, args, io),
};
