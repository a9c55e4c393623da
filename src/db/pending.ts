/**
 * A batch's statements in order on its connection, each sent as soon as the one before it is
 * answered (in the same turn of the event loop: no wait for the code that queued them), so the
 * writes of a batch cost one wait instead of one per statement. After a failure the statements
 * behind it are not sent; run() and flush() then throw that first failure.
 */
export class Pending {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(statement: () => Promise<T>): Promise<T> {
    const p = this.tail.then(statement);
    this.tail = p;
    p.catch(() => undefined);
    return p;
  }

  add(statement: () => Promise<unknown>): void {
    void this.run(statement);
  }

  async flush(): Promise<void> {
    await this.tail;
  }
}
