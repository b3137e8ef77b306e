// Fingerprints (53-bit row hashes) seen by a streamed import, each with a number (the row it was
// first seen on), in typed arrays: 12 bytes a slot at most half full, against ~80 bytes an entry
// (a HeapNumber key each) in a Map or Set — a million orders keep ~24 MB instead of ~160 MB in the
// reader's thread, and give its garbage collector nothing to trace.
export class FingerprintMap {
  /** The fingerprint + 1 in each slot (0: empty); fingerprints are below 2^53, so it is exact. */
  private keys = new Float64Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The slot of `fp`: where it is, or the empty slot where it would go. */
  private slot(fp: number): number {
    const mask = this.keys.length - 1;
    // A fingerprint is two hashes: 32 bits above, 21 below (stream.ts), mixed for the index.
    let i = (((fp / 2097152) | 0) ^ Math.imul(fp % 2097152, 0x9e3779b1)) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== fp + 1) i = (i + 1) & mask;
    return i;
  }

  /** The number noted with `fp`, or undefined when it was not seen. */
  get(fp: number): number | undefined {
    const i = this.slot(fp);
    return this.keys[i] === 0 ? undefined : this.values[i];
  }

  has(fp: number): boolean {
    return this.keys[this.slot(fp)] !== 0;
  }

  /** Notes `fp` with `value` (a row number), replacing the one noted before. */
  set(fp: number, value = 0): void {
    let i = this.slot(fp);
    if (this.keys[i] === 0) {
      if ((this.count + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.slot(fp);
      }
      this.keys[i] = fp + 1;
      this.count++;
    }
    this.values[i] = value;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      const i = this.slot(keys[j]! - 1);
      this.keys[i] = keys[j]!;
      this.values[i] = values[j]!;
    }
  }
}
