/** Runs `close` once on SIGINT or SIGTERM, then exits: the job or request in hand is finished first. */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    void close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
