/** A one-line progress bar on stderr, drawn only when stderr is a terminal (never pollutes piped output). */
export class Progress {
  private readonly enabled = process.stderr.isTTY === true;
  private last = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(done: number): void {
    if (!this.enabled || this.total === 0) return;
    const percent = Math.floor((100 * done) / this.total);
    if (percent === this.last) return;
    this.last = percent;
    const width = 30;
    const filled = Math.round((width * done) / this.total);
    process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%`);
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\u001b[2K');
  }
}
