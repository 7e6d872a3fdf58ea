// `remake mcp`: serves the MCP server on stdio (CONTRACTS.md §3). stdout is the protocol channel, so this command
// prints nothing itself; the MCP code is loaded only when the command runs.
import type { Command } from 'commander';
import { RemakeError } from '../../shared/errors.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';

/** Registers `remake mcp`. */
export function registerMcp(program: Command, _io: CliIo, setExit: (code: number) => void): void {
  program
    .command('mcp')
    .description('Serve the MCP tools on stdio: the local tools (validate, lint, explain, run, eval IML, modules, functions, remap) and the Make API tools of REMAKE_TARGET with MAKE_API_TOKEN')
    .action(async () => {
      const { serveStdio } = await import('../../mcp/stdio.ts');
      try {
        await serveStdio({ version: program.version() ?? '0.0.0', env: process.env });
      } catch (error) {
        // A malformed REMAKE_TARGET, REMAKE_URL or MAKE_TEAM is bad usage: one line on stderr, exit 2.
        if (error instanceof RemakeError && error.code === 'MCP_TARGET_INVALID') throw new UsageError(error.message);
        throw error;
      }
      setExit(0);
    });
}
