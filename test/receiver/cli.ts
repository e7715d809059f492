/*
 * Try telemetry out by hand: a receiver on 127.0.0.1 that prints what arrives.
 *   node -r ./scripts/register_ts.js test/receiver/cli.ts [--port 5610] [--mode ok|500|hang|refuse]
 * then start the server with --telemetry.url=http://127.0.0.1:5610/send
 * --telemetry.optInStatusUrl=http://127.0.0.1:5610/opt_in_status and opt in.
 */
import { startReceiver, type ReceiverMode } from '.';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const receiver = await startReceiver({ port: Number(option('port') ?? 5610), mode: (option('mode') ?? 'ok') as ReceiverMode });
  process.stdout.write(`telemetry receiver listening on ${receiver.url} (Ctrl-C to stop)\n`);
  let seen = 0;
  setInterval(() => {
    for (const request of receiver.requests.slice(seen)) {
      let body = request.body;
      try {
        body = JSON.stringify(JSON.parse(body), null, 2);
      } catch {
        // Not JSON (a JWE): printed as it came.
      }
      process.stdout.write(`\n${new Date(request.receivedAt).toISOString()} ${request.method} ${request.path}\n${JSON.stringify(request.headers)}\n${body}\n`);
    }
    seen = receiver.requests.length;
  }, 200);
  process.on('SIGINT', () => {
    receiver.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
