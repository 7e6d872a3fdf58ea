// `remake serve` (CONTRACTS.md §1): the server on embedded SQLite in the data dir; prints the API token on first
// start, then one JSON log line per event; stops cleanly on SIGINT/SIGTERM. The server code loads only here.
import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';

interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly dataDir: string;
  readonly timezone?: string;
  readonly examples?: boolean;
  readonly retentionDays: string;
  readonly responseTimeout: string;
}

/** Registers `remake serve`. */
export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('Serve webhooks, schedules, the Make API v2 and MCP (at /mcp) on embedded SQLite')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'where the SQLite file, its secret key and the API token live', './.remake')
    .option('--timezone <iana>', 'time zone scenarios and schedules run in (default UTC)')
    .option('--retention-days <days>', 'delete finished executions older than this', '30')
    .option('--response-timeout <seconds>', 'how long a webhook caller waits for a Webhook response module before 202 Accepted', '180')
    .option('--examples', 'on first start, load the example scenarios (examples/serve/) and activate them')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port '${flags.port}' is not a port number.`);
      const retentionDays = Number(flags.retentionDays);
      if (!(retentionDays > 0)) throw new UsageError(`--retention-days '${flags.retentionDays}' is not a positive number of days.`);
      const responseTimeout = Number(flags.responseTimeout);
      if (!(responseTimeout > 0)) throw new UsageError(`--response-timeout '${flags.responseTimeout}' is not a positive number of seconds.`);
      const { startServer } = await import('../../server/start-server.ts');
      const { loadExamples } = await import('../../server/load-examples.ts');
      const { createMcpHttpHandler } = await import('../../mcp/http.ts');
      const server = await startServer({
        dataDir: flags.dataDir,
        port,
        host: flags.host,
        retentionDays,
        answerTimeoutMs: responseTimeout * 1000,
        mcp: createMcpHttpHandler({ version: program.version() ?? '0.0.0' }),
        ...(flags.timezone ? { timezone: flags.timezone } : {}),
        ...(process.env.REMAKE_API_TOKEN ? { apiToken: process.env.REMAKE_API_TOKEN } : {}),
        log: (event) => io.out(JSON.stringify({ time: new Date().toISOString(), ...event })),
      });
      if (server.createdToken) io.out(`API token (shown once; use "Authorization: Token <token>"): ${server.createdToken}`);
      if (flags.examples) for (const line of await loadExamples(server.remake)) io.out(line);
      io.out(`Remake is serving on ${server.url} (Make API at ${server.url}/api/v2, MCP at ${server.url}/mcp, health at ${server.url}/healthz).`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      setExit(0);
    });
}
