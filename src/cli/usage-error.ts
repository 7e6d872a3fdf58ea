// Bad usage or unreadable input: the CLI prints the reason on one line and exits 2 (CONTRACTS.md §1).
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
