// `remake mcp`: serves Remake's local MCP tools on stdio (CONTRACTS.md §3). stdout is the protocol channel,
// so this command prints nothing itself; the MCP code is loaded only when the command runs.
import type { Command } from 'commander';
import type { CliIo } from '../io.ts';

/** Registers `remake mcp`. */
export function registerMcp(program: Command, _io: CliIo, setExit: (code: number) => void): void {
  program
    .command('mcp')
    .description('Serve the local MCP tools (validate, lint, explain, run, eval IML, modules, functions, remap) on stdio')
    .action(async () => {
      const { serveStdio } = await import('../../mcp/stdio.ts');
      await serveStdio({ version: program.version() ?? '0.0.0' });
      setExit(0);
    });
}
