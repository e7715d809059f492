import { writeReceiverKeyPair } from '../keys/generate_key';
import { createReportDecryptor, readPrivateJwk } from '../keys/decrypt';
import { createIntakeGauge } from '../ingest/intake_gauge';
import { startReceiverServer } from '../server/server';
import { openSqliteStore } from '../store/sqlite_store';
import { buildReportSchema, loadCollectorSchemas } from '../validation/report_schema';
import { openOpenSearchStore } from '../store/opensearch/opensearch_store';
import { DEFAULT_PREFIX } from '../store/opensearch/mappings';
import { isLoopback } from '../server/read_access';
import { parseArgs, USAGE, UsageError } from './args';

/** `npm run receiver -- ...` (scripts/receiver.js). The URL goes to stdout, everything else to stderr. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  let command;
  try {
    command = parseArgs(argv, { cwd: process.cwd(), env: process.env });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`error: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (command.command === 'help') {
    console.error(USAGE);
    return;
  }
  if (command.command === 'generate-key') {
    const written = await writeReceiverKeyPair(command.out, { force: command.force, modulusLength: command.keyBits });
    console.error(`[receiver] key "${written.kid}" (RSA, ${command.keyBits} bits)`);
    console.error(`[receiver] public key (put it in telemetry.encryptionKey): ${written.publicPath}`);
    console.error(`[receiver] private key (mode 0600, for --key; keep it secret): ${written.privatePath}`);
    return;
  }

  const decryptor = command.keyFile ? await createReportDecryptor(readPrivateJwk(command.keyFile)) : undefined;
  const collectorSchemas = loadCollectorSchemas({ extraFiles: command.schemaFiles });
  // Reports still decrypting are waited for by the OpenSearch store's next `_bulk` (larger, fewer requests).
  const gauge = createIntakeGauge();
  const store =
    command.opensearch.length > 0
      ? await openOpenSearchStore({
          hosts: command.opensearch,
          prefix: command.indexPrefix,
          reportSchema: buildReportSchema(collectorSchemas),
          groupCommit: { expected: () => gauge.inProgress },
        })
      : openSqliteStore({ dataDir: command.dataDir });
  const server = await startReceiverServer({
    store,
    collectorSchemas,
    decryptor,
    gauge,
    readToken: command.readToken,
    host: command.host,
    port: command.port,
    limits: command.limits,
    log: (line) => console.error(line),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.error(`[receiver] ${signal}: stopping`);
    await server.close();
    await decryptor?.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  console.error(
    command.opensearch.length > 0
      ? `[receiver] data: OpenSearch ${command.opensearch.join(', ')} (indices ${command.indexPrefix ?? DEFAULT_PREFIX}-*)`
      : `[receiver] data: ${command.dataDir} (SQLite)`
  );
  console.error(
    decryptor ? `[receiver] decrypting with key "${decryptor.kid}"; plain reports are refused` : '[receiver] no --key: plain reports only (JWEs are refused)'
  );
  console.error(
    command.readToken
      ? '[receiver] read side (/, /api/fleet/*): bearer token required'
      : `[receiver] read side (/, /api/fleet/*): loopback clients only${isLoopback(command.host) ? '' : ' (set --read-token to open it)'}`
  );
  console.error(`[receiver] reports: POST ${server.url}/v2/reports  opt-in status: POST ${server.url}/v2/opt_in_status  files: POST ${server.url}/v2/import`);
  console.log(server.url);
}
